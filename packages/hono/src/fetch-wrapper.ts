/**
 * `daprWasmFetch(app, guest)`: the guest in front of a whole fetch handler, the way a Workers,
 * Bun or Deno entry serves one: `export default { fetch: daprWasmFetch(app, guest) }`. The guest
 * runs before Hono routes, so a rewrite always picks the route, and the app needs no changes.
 */
import { createMiddleware, exchangeThrough, type GuestReference, type PoolStats } from '@dapr-wasm/core';
import type { FetchApp } from './middleware.js';
import { connectionInfo, forwardRequest } from './request-view.js';

export interface DaprWasmFetch {
  (request: Request, env?: unknown, executionCtx?: unknown): Promise<Response>;
  /** Settles when the guest is loaded and one instance started; rejects with the creation error. */
  readonly ready: Promise<void>;
  /** Stops taking requests; resolves when in-flight ones finished. */
  close(): Promise<void>;
  stats(): PoolStats;
}

export function daprWasmFetch(app: FetchApp, guest: GuestReference): DaprWasmFetch {
  if (typeof app?.fetch !== 'function') throw new TypeError('daprWasmFetch(app, guest) needs an app with a fetch(request, env, ctx) method');
  const mw = createMiddleware(guest, { capabilities: { trailers: false } });
  const fetch = (request: Request, env?: unknown, ctx?: unknown): Promise<Response> => {
    const info = connectionInfo(env, request);
    return exchangeThrough(mw, request, async (fwd) => app.fetch(forwardRequest(request, fwd, info), env, ctx), info);
  };
  return Object.assign(fetch, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}
