/**
 * @dapr-wasm/koa: `app.use(daprWasm('file://./router.wasm'))` on Koa 3 and Koa 2. Translates
 * Koa's ctx to the core's port and back; every ABI rule lives in @dapr-wasm/core.
 */
import { createMiddleware, type GuestReference, type PoolStats } from '@dapr-wasm/core';
import { nodeIncoming, readFileSource, sendOutcome } from '@dapr-wasm/core/node';
import type { Context, Next } from 'koa';
import { koaDownstream, type DownstreamRun } from './downstream.js';
import { applyOutcome } from './outcome.js';

export type { WasmMiddlewareOptions, GuestReference, PoolStats } from '@dapr-wasm/core';

export interface DaprWasmMiddleware {
  (ctx: Context, next: Next): Promise<void>;
  /** Settles when the guest is loaded and one instance started; rejects with the creation error. */
  readonly ready: Promise<void>;
  /** Stops taking requests; resolves when in-flight ones finished. */
  close(): Promise<void>;
  stats(): PoolStats;
}

export function daprWasm(guest: GuestReference): DaprWasmMiddleware {
  // Trailers off: Koa has no way to send them, so the guest is told the feature is unavailable.
  const mw = createMiddleware(guest, { capabilities: { trailers: false }, defaults: { readFile: readFileSource } });

  const middleware = async function daprWasm(ctx: Context, next: Next): Promise<void> {
    const run: DownstreamRun = {};
    const outcome = await mw.handle(nodeIncoming(ctx.req), koaDownstream(ctx, next, run));
    // The guest saw the failure as isError=1; answering it stays with the app's error handling.
    if (run.failed) throw run.failed.error;
    if (run.raw) sendOutcome(ctx.res, outcome, run.raw);
    else applyOutcome(ctx, outcome);
  };
  return Object.assign(middleware, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}

export default daprWasm;
