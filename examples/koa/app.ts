/**
 * An ordinary Koa app with one line added: the rewrite guest (guests/examples/rewrite.wat) in
 * front of its router. The guest sends every request to /rewritten and tags the response with
 * `x-wasm: 1`, so the router answers from /rewritten whatever the client asked for.
 */
import Koa from 'koa';
import { Router } from '@koa/router';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/koa';

export function createApp(): { app: Koa; wasm: DaprWasmMiddleware } {
  const app = new Koa();
  const wasm = daprWasm(new URL('../../guests/examples/rewrite.wasm', import.meta.url));
  app.use(wasm);

  const router = new Router();
  router.get('/rewritten', (ctx) => {
    ctx.body = { route: '/rewritten', asked: ctx.originalUrl, path: ctx.path };
  });
  router.get('/', (ctx) => {
    ctx.body = 'only without the guest\n';
  });
  app.use(router.routes()).use(router.allowedMethods());
  return { app, wasm };
}
