/**
 * undici's dispatch options on both sides of the guest: described as the port's IncomingRequest
 * (method, path, header lines, body), and rebuilt from what the guest forwarded.
 */
import { BodyTooLargeError, type ForwardedRequest, type HeaderEntries, type IncomingRequest } from '@dapr-wasm/core';

export interface DispatchOptions {
  origin?: string | URL;
  path: string;
  method: string;
  headers?: unknown;
  body?: unknown;
  [key: string]: unknown;
}

/** Header lines from any of the shapes undici accepts: object, flat array, or iterable of pairs. */
export function requestLines(headers: unknown): HeaderEntries {
  const out: HeaderEntries = [];
  if (headers == null) return out;
  if (Array.isArray(headers)) {
    if (headers.length && Array.isArray(headers[0])) for (const [n, v] of headers as [string, string][]) out.push([String(n), String(v)]);
    else for (let i = 0; i < headers.length; i += 2) out.push([String(headers[i]), String(headers[i + 1])]);
  } else if (typeof (headers as Iterable<unknown>)[Symbol.iterator] === 'function') {
    for (const [n, v] of headers as Iterable<[string, string]>) out.push([String(n), String(v)]);
  } else {
    for (const [n, v] of Object.entries(headers as Record<string, unknown>)) {
      if (v === undefined) continue;
      for (const item of Array.isArray(v) ? v : [v]) out.push([n, String(item)]);
    }
  }
  return out;
}

async function bodyBytes(body: unknown, limit: number): Promise<Uint8Array> {
  const tooLarge = (n: number) => new BodyTooLargeError(`request body of ${n}+ bytes exceeds maxBodyBytes ${limit}`, { phase: 'request', culprit: 'maxBodyBytes' });
  let bytes: Uint8Array;
  if (typeof body === 'string') bytes = new TextEncoder().encode(body);
  else if (body instanceof Uint8Array) bytes = body;
  else if (body instanceof ArrayBuffer) bytes = new Uint8Array(body);
  else if (body && typeof (body as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function') {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for await (const chunk of body as AsyncIterable<Uint8Array | string>) {
      const c = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk;
      total += c.length;
      if (total > limit) throw tooLarge(total);
      chunks.push(c);
    }
    bytes = Buffer.concat(chunks);
  } else bytes = new Uint8Array(await new Response(body as BodyInit).arrayBuffer());
  if (bytes.length > limit) throw tooLarge(bytes.length);
  return bytes;
}

export function incomingOf(opts: DispatchOptions): IncomingRequest {
  return {
    method: opts.method,
    uri: opts.path,
    protocol: 'HTTP/1.1',
    // The outbound request comes from this process, as a call through Dapr comes from the app.
    remoteAddress: '127.0.0.1',
    remotePort: 0,
    headers: () => {
      const lines = requestLines(opts.headers);
      if (opts.origin && !lines.some(([n]) => n.toLowerCase() === 'host')) lines.unshift(['host', new URL(String(opts.origin)).host]);
      return lines;
    },
    hasBody: opts.body != null,
    readBody: (limit) => bodyBytes(opts.body, limit),
  };
}

/** The dispatch options downstream receives: the guest's method, path, headers and body. */
export function forwardedOptions(opts: DispatchOptions, fwd: ForwardedRequest): DispatchOptions {
  const next: DispatchOptions = { ...opts };
  if (fwd.method !== undefined) next.method = fwd.method;
  if (fwd.uri !== undefined) next.path = fwd.uri;
  let lines: HeaderEntries | undefined;
  if (fwd.headers) lines = fwd.headers.entries().filter(([n]) => n.toLowerCase() !== 'host');
  if (fwd.body !== undefined) {
    next.body = Buffer.from(fwd.body.buffer, fwd.body.byteOffset, fwd.body.byteLength);
    // undici frames the new body itself; a stale length would fail the request.
    lines = (lines ?? requestLines(opts.headers)).filter(([n]) => !/^(content-length|transfer-encoding)$/i.test(n));
  }
  if (lines) next.headers = lines.flat();
  return next;
}
