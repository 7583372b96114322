/**
 * @dapr-wasm/hono: `app.use(daprWasm(...))` on Node, Bun, Deno and Cloudflare Workers, with Web
 * Request/Response only. Hono picks the route before middleware runs, so a guest's URI or method
 * rewrite re-dispatches the rewritten request through the app when it is given (`{ app }`), or the
 * whole app is wrapped at the fetch level (`daprWasmFetch`) so routing only ever sees the rewritten
 * request. See RATIONALE.md, "Why two ways to mount a guest in Hono?".
 */
import {
  changesRequest, createMiddleware, downstreamResult, fetchThrough, forwardedRequest, outcomeResponse, reroutes,
  webIncoming, withPresets, type GuestReference, type PoolStats,
} from '@dapr-wasm/core';
import type { Context, MiddlewareHandler } from 'hono';
import { connectionInfo } from './connection.js';

export type { WasmMiddlewareOptions, GuestReference } from '@dapr-wasm/core';

/** Anything with Hono's `fetch(request, env, executionCtx)`: a Hono app, or a Workers-style handler. */
export interface FetchApp {
  fetch(request: Request, env?: unknown, executionCtx?: unknown): Response | Promise<Response>;
}

export interface DaprWasmHonoOptions {
  /** The app to re-dispatch a rewritten request through, so the rewrite changes the route. */
  app?: FetchApp;
}

export interface DaprWasmMiddleware extends MiddlewareHandler {
  readonly ready: Promise<void>;
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
  const mw = createMiddleware(guest);
  // Requests re-dispatched through the app already went through the guest.
  const redispatched = new WeakSet<Request>();

  const handler: MiddlewareHandler = async function daprWasm(c, next) {
    if (redispatched.has(c.req.raw)) return next();
    let streamed: Response | undefined;
    const outcome = await mw.handle(webIncoming(c.req.raw, connectionInfo(c)), async (fwd) => {
      let res: Response;
      if (options.app && reroutes(fwd)) {
        const req = forwardedRequest(c.req.raw, fwd);
        redispatched.add(req);
        res = await options.app.fetch(req, c.env, executionCtx(c));
      } else {
        if (changesRequest(fwd)) {
          c.req.raw = forwardedRequest(c.req.raw, fwd);
          (c.req as unknown as { bodyCache: object }).bodyCache = {};
        }
        await next();
        res = c.res;
      }
      if (fwd.bufferResponse) return downstreamResult(res, true);
      streamed = withPresets(res, fwd);
      return downstreamResult(streamed, false);
    });
    if (outcome.kind === 'sent') {
      if (streamed && streamed !== c.res) replaceResponse(c, streamed);
    } else if (outcome.kind === 'abort') {
      replaceResponse(c, new Response('Internal Server Error\n', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } }));
    } else {
      replaceResponse(c, outcomeResponse(outcome));
    }
  };
  return Object.assign(handler, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}

export interface DaprWasmFetch {
  (request: Request, env?: unknown, executionCtx?: unknown): Promise<Response>;
  readonly ready: Promise<void>;
  close(): Promise<void>;
  stats(): PoolStats;
}

/**
 * Wraps a whole app at the fetch level: `export default { fetch: daprWasmFetch(app, guest) }` or
 * `Bun.serve({ fetch: daprWasmFetch(app, guest) })`. The guest runs before Hono routes, so a
 * rewrite always picks the route.
 */
export function daprWasmFetch(app: FetchApp, guest: GuestReference): DaprWasmFetch {
  const mw = createMiddleware(guest);
  const fetch = (request: Request, env?: unknown, ctx?: unknown) => {
    const info = connectionInfoOf(request, env);
    return fetchThrough(mw, request, (req) => app.fetch(req, env, ctx), info);
  };
  return Object.assign(fetch, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}

/** connectionInfo for the fetch wrapper, which has `env` but no Hono Context. */
function connectionInfoOf(request: Request, env: unknown) {
  return connectionInfo({ env, req: { raw: request } } as unknown as Context);
}

export default daprWasm;
