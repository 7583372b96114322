/** The same app on Koa 3, behind the same Dapr pipeline. */
import Koa from 'koa';
import { Router } from '@koa/router';
import { daprWasm } from '@dapr-wasm/koa';
import type { Logger } from '@dapr-wasm/core';
import { guestSet, type GuestHandle } from '../shared/guest-set.js';
import { loadHttpPipeline } from './pipeline.js';

export async function createKoaApp(options: { logger?: Logger } = {}): Promise<{ app: Koa; wasm: GuestHandle }> {
  const app = new Koa();
  const handlers = (await loadHttpPipeline()).map((guest) => daprWasm({ ...guest, logger: options.logger }));
  for (const handler of handlers) app.use(handler);

  const router = new Router();
  router.get('/', (ctx) => {
    ctx.body = 'the app itself\n';
  });
  router.get('/hi', (ctx) => {
    ctx.body = { greeting: `hi ${ctx.query.name ?? 'there'}`, url: ctx.url };
  });
  router.get('/v1.0/hello', (ctx) => {
    ctx.body = { greeting: `hello ${ctx.query.name ?? 'there'}`, url: ctx.url };
  });
  app.use(router.routes()).use(router.allowedMethods());
  return { app, wasm: guestSet(handlers) };
}
