/**
 * A Web `Request` cannot hold what a guest may leave behind: a raw request-target (WHATWG parsing
 * normalises it) and separate field lines of one header name (`Headers` joins them with ", ").
 * Every Request this adapter forwards is recorded here with both, so a guest stacked after this one
 * sees exactly what this guest forwarded, and a handler can read the separate lines with
 * `requestHeaderLines(c)`.
 */
import { forwardedRequest, headerLines, type ConnectionInfo, type ForwardedRequest, type HeaderEntries, type HeaderEntry } from '@dapr-wasm/core';
import type { Context } from 'hono';
import { runtimeConnection } from './connection.js';

interface RequestView {
  rawTarget: string;
  headerLines: () => HeaderEntries;
}

const views = new WeakMap<Request, RequestView>();

/**
 * Path and query as `request.url` spells them. Not `pathname + search`: `search` is "" for an
 * empty query, so `/a?` would lose its `?`.
 */
export function targetOf(url: string): string {
  const origin = new URL(url).origin;
  const hash = url.indexOf('#');
  return url.slice(origin.length, hash === -1 ? undefined : hash) || '/';
}

/** The runtime's connection facts, with this adapter's record of a forwarded request over them. */
export function connectionInfo(env: unknown, request: Request): ConnectionInfo {
  const runtime = runtimeConnection(env, request);
  const view = views.get(request);
  if (view) return { ...runtime, rawTarget: view.rawTarget, rawHeaders: view.headerLines };
  return { ...runtime, rawTarget: runtime.rawTarget ?? targetOf(request.url) };
}

const framing = /^(content-length|transfer-encoding)$/i;

/** The lines as the forwarded request carries them: a new body brings its own Content-Length. */
function forwardedLines(lines: () => HeaderEntries, fwd: ForwardedRequest, forwarded: Request): () => HeaderEntries {
  if (fwd.body === undefined) return lines;
  const length: HeaderEntry[] = forwarded.body === null ? [] : [['content-length', String(fwd.body.length)]];
  return () => [...lines().filter(([name]) => !framing.test(name)), ...length];
}

/** The Request the rest of the app receives, recorded with the guest's target and field lines. */
export function forwardRequest(request: Request, fwd: ForwardedRequest, info: ConnectionInfo): Request {
  const forwarded = forwardedRequest(request, fwd, { inbound: true });
  if (forwarded === request) return request;
  // A copy: the guest's header set is the core's to reuse.
  const guestLines = fwd.headers?.entries().map(([n, v]): HeaderEntry => [n, v]);
  const lines = guestLines ? () => guestLines : (info.rawHeaders ?? (() => headerLines(request.headers)));
  views.set(forwarded, {
    rawTarget: fwd.uri ?? info.rawTarget ?? targetOf(request.url),
    headerLines: forwardedLines(lines, fwd, forwarded),
  });
  return forwarded;
}

/**
 * The request's header field lines, one entry per line, as the guest forwarded them; for a request
 * no guest changed, as the runtime received them where it keeps them apart (Node, and Bun or Deno
 * serving through @hono/node-server). Where the runtime joins repeated lines, they come back as one.
 */
export function requestHeaderLines(c: Context): HeaderEntries {
  const info = connectionInfo(c.env, c.req.raw);
  return info.rawHeaders ? info.rawHeaders() : headerLines(c.req.raw.headers);
}
