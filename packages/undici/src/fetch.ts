/**
 * A `fetch` with a guest in front of it: `const fetch = daprWasmFetch(guest)`. The guest sees and
 * may rewrite every outgoing request, and read or rewrite the upstream response.
 */
import { createMiddleware, fetchThrough, type GuestReference, type PoolStats } from '@dapr-wasm/core';
import { readFileSource } from '@dapr-wasm/core/node';

export interface DaprWasmFetch {
  (input: RequestInfo | URL, init?: RequestInit): Promise<Response>;
  readonly ready: Promise<void>;
  close(): Promise<void>;
  stats(): PoolStats;
}

export function daprWasmFetch(guest: GuestReference, baseFetch: typeof fetch = globalThis.fetch): DaprWasmFetch {
  const mw = createMiddleware(guest, { defaults: { readFile: readFileSource } });
  const wrapped = (input: RequestInfo | URL, init?: RequestInit) =>
    fetchThrough(mw, new Request(input, init), (req) => baseFetch(req), { remoteAddress: '127.0.0.1', remotePort: 0 });
  return Object.assign(wrapped, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}
