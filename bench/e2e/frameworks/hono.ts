/**
 * Hono on @hono/node-server. Hono routes a request before any middleware runs, so a rewrite cannot
 * re-route it: the app is one catch-all handler that checks the path of the URL it is handed, and the
 * JS twin replaces the request with a rewritten one, the way a Hono middleware has to.
 */
import { getRequestListener } from '@hono/node-server';
import { Hono, type Context, type MiddlewareHandler, type Next } from 'hono';
import type { Framework } from '../framework.js';
import { wasmMiddleware } from '../framework.js';
import { APP_BODY, APP_ROUTE, REWRITE_HEADER, rewriteTarget } from '../rewrite.js';

async function rewrite(c: Context, next: Next): Promise<void> {
  const url = new URL(c.req.url);
  const target = rewriteTarget(url.pathname + url.search);
  if (target !== url.pathname + url.search) c.req.raw = new Request(new URL(target, url), c.req.raw);
  c.header(REWRITE_HEADER, '1');
  await next();
}

export const honoFramework: Framework = {
  key: 'hono',
  name: 'Hono (node-server)',
  adapter: '@dapr-wasm/hono',
  async listener(variant, guestUrl) {
    const app = new Hono();
    if (variant === 'js') app.use(rewrite);
    if (variant === 'wasm') app.use(await wasmMiddleware<MiddlewareHandler>(this, guestUrl));
    app.all('*', (c) => (new URL(c.req.url).pathname === APP_ROUTE ? c.text(APP_BODY) : c.notFound()));
    return getRequestListener(app.fetch);
  },
};
