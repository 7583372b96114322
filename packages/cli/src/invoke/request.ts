/**
 * The synthetic request a guest sees under `invoke`: what the command line says, plus what any
 * HTTP/1.1 client would send (a Host header, a Content-Length for a body) unless given, from a
 * loopback client address.
 */
import { BodyTooLargeError, type HeaderEntries, type IncomingRequest } from '@dapr-wasm/core';

export interface RequestSpec {
  readonly method: string;
  /** The raw request-target, query included. */
  readonly uri: string;
  readonly headers: HeaderEntries;
  readonly body: Uint8Array;
}

export const CLIENT_ADDRESS = '127.0.0.1';
export const CLIENT_PORT = 50000;

const has = (headers: HeaderEntries, name: string) => headers.some(([n]) => n.toLowerCase() === name);

export function requestSpec(method: string, uri: string, headers: HeaderEntries, body: Uint8Array): RequestSpec {
  const lines: HeaderEntries = [...headers];
  if (!has(lines, 'host')) lines.unshift(['host', 'localhost']);
  if (body.length > 0 && !has(lines, 'content-length') && !has(lines, 'transfer-encoding')) lines.push(['content-length', String(body.length)]);
  return { method, uri, headers: lines, body };
}

/** The port's view of the request; every call hands out fresh copies, so nothing the host does leaks back. */
export function incomingRequest(spec: RequestSpec): IncomingRequest {
  return {
    method: spec.method,
    uri: spec.uri,
    protocol: 'HTTP/1.1',
    remoteAddress: CLIENT_ADDRESS,
    remotePort: CLIENT_PORT,
    headers: () => spec.headers.map(([n, v]) => [n, v]),
    hasBody: spec.body.length > 0,
    async readBody(limit) {
      if (spec.body.length > limit) {
        throw new BodyTooLargeError(`request body of ${spec.body.length} bytes exceeds maxBodyBytes ${limit}`, { phase: 'request', culprit: 'maxBodyBytes' });
      }
      return spec.body.slice();
    },
  };
}
