/**
 * The smallest honest inputs for `handle()`: a request as an adapter would describe it, and
 * downstreams that answer at once. They are built once and reused, so every nanosecond measured is
 * the core's (the adapter's own per-request work is in the end-to-end rows).
 */
import type { DownstreamResponse, Downstream, HeaderEntries, IncomingRequest } from '@dapr-wasm/core';

const requestHeaders: HeaderEntries = [
  ['host', '127.0.0.1:3000'],
  ['user-agent', 'bench'],
  ['accept', '*/*'],
];

export function syntheticRequest(body?: Uint8Array): IncomingRequest {
  const ready = body ? Promise.resolve(body) : undefined;
  return {
    method: 'GET',
    uri: '/api/items/42?view=full',
    protocol: 'HTTP/1.1',
    remoteAddress: '127.0.0.1',
    remotePort: 54321,
    headers: () => requestHeaders.slice(),
    hasBody: body !== undefined,
    readBody: () => ready ?? Promise.resolve(new Uint8Array(0)),
  };
}

/** Downstream wrote its response straight to the client: the common, unbuffered case. */
const streamed: DownstreamResponse = { status: 200, headers: () => [['content-type', 'text/plain']] };
const streamedDone = Promise.resolve(streamed);
export const streamedDownstream: Downstream = () => streamedDone;

/** Downstream's response was captured for the guest (buffer_response): `body` is what it wrote. */
export function capturedDownstream(body: Uint8Array): Downstream {
  // Built once: the core reads the captured body and never writes to it.
  const captured = Promise.resolve<DownstreamResponse>({ status: 200, headers: () => [['content-type', 'application/octet-stream']], body });
  return (fwd) => {
    if (!fwd.bufferResponse) throw new Error('the response-rewrite guest did not enable buffer_response');
    return captured;
  };
}

export function bytesOf(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = 97 + (i % 26);
  return b;
}
