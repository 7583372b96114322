/**
 * The runtime-agnostic middleware every adapter wraps. Creation is synchronous (options are
 * validated at once) and loading is not: `ready` settles when the guest is loaded, compiled,
 * validated and one instance started. Requests that arrive earlier wait for it. `reload` swaps in
 * a new guest only once it proved itself; requests in flight finish on the old one.
 */
import type { AbiHandler, GuestDescription } from './abi/abi.js';
import { createHttpWasmHandler } from './abi/http-wasm/create.js';
import { untouchedRequest } from './exchange/untouched.js';
import { DaprWasmError, MiddlewareClosedError } from './errors.js';
import { failure } from './exchange/failure.js';
import type { Downstream, HostCapabilities, IncomingRequest, Outcome } from './exchange/port.js';
import { LOG_LEVEL_ERROR, LOG_LEVEL_INFO } from './logger.js';
import { resolveOptions, type GuestReference, type ResolvedOptions, type WasmMiddlewareOptions } from './options.js';
import type { PoolStats } from './pool/guest-pool.js';
import { loadGuestSource } from './source/load.js';
import { compileCached } from './wasm/compile-cache.js';

export interface WasmMiddleware {
  /** Settles when the guest is ready to serve; rejects with the creation error (a DaprWasmError). */
  readonly ready: Promise<void>;
  readonly name: string;
  /** Runs one request through the guest. Never rejects: failures come back as an Outcome. */
  handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome>;
  /**
   * Loads the guest again (from the same source, or `guest` if given) and swaps it in once it
   * compiled and started. Rejects, keeping the current guest serving, if the new one is bad.
   */
  reload(guest?: GuestReference): Promise<void>;
  /** Pool counters: instances alive, idle, in use, waiting, created, discarded, rejected. */
  stats(): PoolStats;
  /** What the host learned about the guest (ABI, features enabled at init, limits); undefined until ready. */
  describe(): GuestDescription | undefined;
  /** Stops accepting requests and resolves once in-flight requests have returned their instances. */
  close(): Promise<void>;
}

export interface AdapterDefaults {
  capabilities?: HostCapabilities;
  defaults?: Partial<WasmMiddlewareOptions>;
}

const emptyStats: PoolStats = { size: 0, idle: 0, inUse: 0, waiting: 0, created: 0, discarded: 0, rejected: 0 };

async function build(o: ResolvedOptions, capabilities: HostCapabilities): Promise<AbiHandler> {
  const source = await loadGuestSource(o);
  const compiled = await compileCached(source, o.name, {
    fuel: o.deadlineMs > 0,
    maxMemoryPages: Math.floor(o.maxMemoryBytes / 65536),
  });
  return createHttpWasmHandler(compiled, o, capabilities);
}

export function createMiddleware(ref: GuestReference, adapter: AdapterDefaults = {}): WasmMiddleware {
  let o = resolveOptions(ref, adapter.defaults);
  const capabilities = adapter.capabilities ?? { trailers: false };
  let handler: AbiHandler | undefined;
  let creationError: Error | undefined;
  let closed = false;

  const report = (err: Error) => {
    // A bad guest must be loud even when nobody awaits `ready`.
    if (o.loggerIsDefault) console.error(`[dapr-wasm] ${err.message}`);
    else o.logger.log(LOG_LEVEL_ERROR, err.message, { phase: (err as DaprWasmError).phase });
  };

  const ready = build(o, capabilities).then(
    (h) => {
      handler = h;
      if (closed) void h.close();
    },
    (err: Error) => {
      creationError = err;
      report(err);
      throw err;
    },
  );
  // `ready` is also awaited internally; mark it handled so an unobserved failure is not an unhandled rejection.
  ready.catch(() => {});

  /** No guest to run: fail closed, or by policy let the app serve the request untouched. */
  async function withoutGuest(error: Error, downstream: Downstream): Promise<Outcome> {
    const closedOutcome = failure(error, o.exposeErrors);
    if (o.failurePolicy !== 'open' || closed) return closedOutcome;
    const result = await downstream(untouchedRequest(undefined)).catch((e: unknown) => ({ error: e }));
    return result.error === undefined ? { kind: 'sent' } : closedOutcome;
  }

  async function handleSlowly(request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
    if (closed) return failure(new MiddlewareClosedError(`middleware ${o.name} is closed`, { phase: 'pool' }), o.exposeErrors);
    await ready.catch(() => {});
    if (!handler) return withoutGuest(creationError ?? new Error('guest unavailable'), downstream);
    return handler.handle(request, downstream);
  }

  return {
    ready,
    get name() {
      return o.name;
    },
    handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
      // The common case goes straight to the guest, without an extra async frame.
      if (handler && !closed) return handler.handle(request, downstream);
      return handleSlowly(request, downstream);
    },
    async reload(guest?: GuestReference): Promise<void> {
      const next = guest === undefined ? o : resolveOptions(guest, adapter.defaults);
      let fresh: AbiHandler;
      try {
        fresh = await build(next, capabilities);
      } catch (err) {
        if (!o.loggerIsDefault) o.logger.log(LOG_LEVEL_ERROR, `reload of ${next.name} refused, the current guest keeps serving: ${(err as Error).message}`, {});
        throw err;
      }
      if (closed) return void fresh.close();
      const old = handler;
      handler = fresh;
      o = next;
      creationError = undefined;
      o.logger.log(LOG_LEVEL_INFO, `guest ${o.name} reloaded`, {});
      // Requests already inside the old guest finish there; close() waits for them.
      await old?.close();
    },
    stats: () => handler?.stats() ?? emptyStats,
    describe: () => handler?.describe(),
    async close() {
      closed = true;
      await handler?.close();
    },
  };
}
