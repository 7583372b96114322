/**
 * The runtime-agnostic middleware every adapter wraps. Creation is synchronous (options are
 * validated at once) and loading is not: `ready` settles when the guest is loaded, compiled,
 * validated and one instance started. Requests that arrive earlier wait for it.
 */
import { detectAbi, type AbiHandler } from './abi/abi.js';
import { createHttpWasmHandler } from './abi/http-wasm/create.js';
import { DaprWasmError, MiddlewareClosedError } from './errors.js';
import { failure } from './exchange/failure.js';
import type { Downstream, HostCapabilities, IncomingRequest, Outcome } from './exchange/port.js';
import { LOG_LEVEL_ERROR } from './logger.js';
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
  /** Pool counters: instances alive, idle, in use, waiting, created, discarded, rejected. */
  stats(): PoolStats;
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
  const compiled = await compileCached(source, o.name);
  detectAbi(compiled.module, o.name);
  return createHttpWasmHandler(compiled, o, capabilities);
}

export function createMiddleware(ref: GuestReference, adapter: AdapterDefaults = {}): WasmMiddleware {
  const o = resolveOptions(ref, adapter.defaults);
  const capabilities = adapter.capabilities ?? { trailers: false };
  let handler: AbiHandler | undefined;
  let creationError: Error | undefined;
  let closed = false;

  const ready = build(o, capabilities).then(
    (h) => {
      handler = h;
      if (closed) void h.close();
    },
    (err: Error) => {
      creationError = err;
      // A bad guest must be loud even when nobody awaits `ready`.
      const report = o.loggerIsDefault ? (m: string) => console.error(`[dapr-wasm] ${m}`) : (m: string) => o.logger.log(LOG_LEVEL_ERROR, m, { phase: (err as DaprWasmError).phase });
      report(err.message);
      throw err;
    },
  );
  // `ready` is also awaited internally; mark it handled so an unobserved failure is not an unhandled rejection.
  ready.catch(() => {});

  return {
    ready,
    name: o.name,
    async handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
      if (closed) return failure(new MiddlewareClosedError(`middleware ${o.name} is closed`, { phase: 'pool' }), o.exposeErrors);
      if (!handler) {
        await ready.catch(() => {});
        if (!handler) return failure(creationError ?? new Error('guest unavailable'), o.exposeErrors);
      }
      return handler.handle(request, downstream);
    },
    stats: () => handler?.stats() ?? emptyStats,
    async close() {
      closed = true;
      await handler?.close();
    },
  };
}
