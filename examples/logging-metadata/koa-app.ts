/** The same app on Koa 3: the guest's lines land in the app's logger as with Express. */
import Koa from 'koa';
import { Router } from '@koa/router';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/koa';
import { guestLogger } from './app-logger.js';
import { guestUrl, type LoggingMetadataOptions } from './app.js';
import { loggingMetadataConfig } from './config.js';
import { slowWork } from './slow-work.js';

export function createKoaApp(options: LoggingMetadataOptions): { app: Koa; wasm: DaprWasmMiddleware } {
  const app = new Koa();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? loggingMetadataConfig),
    logger: guestLogger(options.log, options.level),
  });
  app.use(wasm);
  const router = new Router();
  router.get('/orders', (ctx) => {
    ctx.body = { orders: [{ id: 1, item: 'coffee' }] };
  });
  router.get('/report', async (ctx) => {
    ctx.body = await slowWork();
  });
  app.use(router.routes()).use(router.allowedMethods());
  return { app, wasm };
}
