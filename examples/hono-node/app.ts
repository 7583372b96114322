/**
 * An ordinary Hono app with one line added: the rewrite guest in front of its routes. The guest
 * rewrites every request to /rewritten and adds `x-wasm: 1`; passing `{ app }` lets the rewrite
 * pick the route, since Hono matches routes before middleware runs.
 */
import { Hono } from 'hono';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/hono';

export function createApp(): { app: Hono; wasm: DaprWasmMiddleware } {
  const app = new Hono();
  const wasm = daprWasm(new URL('../../guests/examples/rewrite.wasm', import.meta.url), { app });
  app.use('*', wasm);
  app.get('/rewritten', (c) => {
    const url = new URL(c.req.url);
    return c.json({ route: '/rewritten', path: c.req.path, url: url.pathname + url.search });
  });
  app.get('/', (c) => c.text('the app itself\n'));
  return { app, wasm };
}
