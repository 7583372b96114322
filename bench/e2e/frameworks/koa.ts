/** Koa 3: the rewrite as a middleware before the app's handler, which routes on ctx.path. */
import Koa, { type Context, type Middleware, type Next } from 'koa';
import type { Framework } from '../framework.js';
import { wasmMiddleware } from '../framework.js';
import { APP_BODY, APP_ROUTE, REWRITE_HEADER, rewriteTarget } from '../rewrite.js';

async function rewrite(ctx: Context, next: Next): Promise<void> {
  ctx.url = rewriteTarget(ctx.url);
  ctx.set(REWRITE_HEADER, '1');
  await next();
}

export const koaFramework: Framework = {
  key: 'koa',
  name: 'Koa 3',
  adapter: '@dapr-wasm/koa',
  async listener(variant, guestUrl) {
    const app = new Koa();
    if (variant === 'js') app.use(rewrite);
    if (variant === 'wasm') app.use(await wasmMiddleware<Middleware>(this, guestUrl));
    app.use((ctx) => {
      if (ctx.path === APP_ROUTE) ctx.body = APP_BODY; // anything else stays Koa's 404
    });
    return app.callback();
  },
};
