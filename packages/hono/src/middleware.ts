/**
 * `app.use('*', daprWasm(guest, { app }))`. Hono picks the route before middleware runs, so a
 * guest's URI or method rewrite can only change the route by dispatching the rewritten request
 * through the app again (`{ app }`); without `app`, the rewritten Request replaces `c.req.raw` and
 * the route already chosen answers it.
 */
import { createMiddleware, exchangeThrough, reroutes, type GuestReference, type PoolStats } from '@dapr-wasm/core';
import type { Context, MiddlewareHandler } from 'hono';
import { connectionInfo, forwardRequest } from './request-view.js';

/** Anything with Hono's `fetch(request, env, executionCtx)`: a Hono app, or a Workers-style handler. */
export interface FetchApp {
  fetch(request: Request, env?: unknown, executionCtx?: unknown): Response | Promise<Response>;
}

export interface DaprWasmHonoOptions {
  /**
   * The app to dispatch a rewritten request through, so a guest's URI or method rewrite picks the
   * route. Without it the rewrite reaches the handler (`c.req.url`, `c.req.method`) but the route
   * Hono already matched answers. @default undefined
   */
  app?: FetchApp;
}

export interface DaprWasmMiddleware extends MiddlewareHandler {
  /** Settles when the guest is loaded and one instance started; rejects with the creation error. */
  readonly ready: Promise<void>;
  /** Stops taking requests; resolves when in-flight ones finished. */
  close(): Promise<void>;
  stats(): PoolStats;
}

function executionCtx(c: Context): unknown {
  try {
    return c.executionCtx;
  } catch {
    return undefined; // Node, Bun and Deno have none; Hono throws on access
  }
}

function replaceResponse(c: Context, res: Response): void {
  // Hono merges the previous response's headers into a new one; clear it first so headers the
  // guest removed stay removed.
  (c as unknown as { res: Response | undefined }).res = undefined;
  c.res = res;
}

export function daprWasm(guest: GuestReference, options: DaprWasmHonoOptions = {}): DaprWasmMiddleware {
  // Trailers off: a Web Response has none, so the guest is told the feature is unavailable.
  const mw = createMiddleware(guest, { capabilities: { trailers: false } });
  // Requests re-dispatched through the app already went through the guest.
  const redispatched = new WeakSet<Request>();

  const handler: MiddlewareHandler = async function daprWasm(c, next) {
    if (redispatched.has(c.req.raw)) return next();
    const original = c.req.raw;
    const info = connectionInfo(c.env, original);
    const res = await exchangeThrough(mw, original, async (fwd) => {
      const forwarded = forwardRequest(original, fwd, info);
      if (options.app && reroutes(fwd)) {
        redispatched.add(forwarded);
        return options.app.fetch(forwarded, c.env, executionCtx(c));
      }
      if (forwarded !== original) {
        c.req.raw = forwarded;
        // Hono caches parsed bodies per request; the forwarded request may carry another body.
        c.req.bodyCache = {};
      }
      await next();
      return c.res;
    }, info);
    if (res !== c.res) replaceResponse(c, res);
  };
  return Object.assign(handler, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}
