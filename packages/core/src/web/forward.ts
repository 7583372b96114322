/**
 * Builds the Request the rest of the app receives when the guest returned next=1: the guest's
 * method, URI and headers, and the body it wrote or the host buffered for it.
 */
import type { ForwardedRequest } from '../exchange/port.js';

const bodiless = new Set(['GET', 'HEAD']);

/** Whether the guest changed anything a router dispatches on. */
export function reroutes(fwd: ForwardedRequest): boolean {
  return fwd.method !== undefined || fwd.uri !== undefined;
}

/** Whether the guest changed the request at all. */
export function changesRequest(fwd: ForwardedRequest): boolean {
  return reroutes(fwd) || fwd.headers !== undefined || fwd.body !== undefined;
}

export interface ForwardOptions {
  /**
   * The request came from a client, not from a `fetch` call: its redirect mode is the default
   * ("follow") by definition, so it is not read. Reading it would make @hono/node-server build the
   * full Request it otherwise avoids.
   */
  readonly inbound?: boolean;
}

export function forwardedRequest(req: Request, fwd: ForwardedRequest, options: ForwardOptions = {}): Request {
  if (!changesRequest(fwd)) return req;
  const method = fwd.method ?? req.method;
  const url = fwd.uri === undefined ? req.url : new URL(fwd.uri, req.url).href;
  let headers: Headers;
  if (fwd.headers) {
    headers = new Headers();
    for (const [n, v] of fwd.headers.entries()) headers.append(n, v);
  } else headers = new Headers(req.headers);
  let body: BodyInit | null = null;
  if (!bodiless.has(method.toUpperCase())) {
    if (fwd.body !== undefined) {
      body = fwd.body as BodyInit;
      // The new body's length, as the Node path sets it; never a stale one or chunked framing.
      headers.set('content-length', String(fwd.body.length));
      headers.delete('transfer-encoding');
    } else body = req.body;
  }
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body, signal: req.signal };
  if (!options.inbound) init.redirect = req.redirect;
  if (body instanceof ReadableStream) init.duplex = 'half';
  return new Request(url, init);
}
