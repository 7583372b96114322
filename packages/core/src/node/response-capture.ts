/**
 * Runs the rest of a Node app and observes its response. With buffer_response the response is
 * captured (writeHead/write/end intercepted, nothing sent) for the guest to read and rewrite;
 * without it the response streams straight to the client, preceded by any body bytes and headers
 * the guest set before next, and the result resolves when the app ended it.
 */
import { ServerResponse } from 'node:http';
import type { DownstreamResponse, ForwardedRequest } from '../exchange/port.js';
import type { HeaderEntries } from '../exchange/header-fields.js';
import { responseFieldLines, setResponseHeaders, type NodeResponse } from './response-headers.js';

const noRestore = () => {};
const clientLeft = () => new Error('client closed the connection before the response was complete');

type Write = (chunk: unknown, encoding?: unknown, cb?: unknown) => boolean;
type End = (chunk?: unknown, encoding?: unknown, cb?: unknown) => unknown;
type WriteHead = (status: number, reason?: unknown, headers?: unknown) => unknown;

interface Patched {
  write: Write;
  end: End;
  writeHead: WriteHead;
}

function toBuffer(chunk: unknown, encoding: unknown): Buffer | undefined {
  if (chunk === undefined || chunk === null || typeof chunk === 'function') return undefined;
  if (typeof chunk === 'string') return Buffer.from(chunk, typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk));
}

function callbackOf(...args: unknown[]): (() => void) | undefined {
  return args.find((a) => typeof a === 'function') as (() => void) | undefined;
}

/**
 * One interception of a response: the downstream result, and how to undo the interception. Taps
 * nest (two buffering guests in one pipeline each tap the same `res`); each restores exactly what
 * it replaced, so an inner guest's final response flows into the outer guest's capture.
 */
export interface ResponseTap {
  /**
   * Read it once downstream was started (after `next()` returned): for a streamed response, what
   * already happened by then is settled at once, and only a response still open is listened to.
   */
  readonly result: Promise<DownstreamResponse>;
  restore(): void;
}

type Patchable = Patched & { addTrailers(h: unknown): void };

function patch(res: NodeResponse): { saved: Patched & { addTrailers: Patchable['addTrailers'] }; restore(): void } {
  const r = res as unknown as Patchable;
  const saved = { write: r.write, end: r.end, writeHead: r.writeHead, addTrailers: r.addTrailers };
  let restored = false;
  return {
    saved,
    restore() {
      if (restored) return;
      restored = true;
      Object.assign(r, saved);
    },
  };
}

function applyPresets(res: NodeResponse, fwd: ForwardedRequest): void {
  if (fwd.responseStatus !== undefined) res.statusCode = fwd.responseStatus;
  if (fwd.responseHeaders) setResponseHeaders(res, fwd.responseHeaders);
}

/** Applies writeHead's arguments to res without sending anything. */
function absorbWriteHead(res: NodeResponse, status: number, reason: unknown, headers: unknown): void {
  res.statusCode = status;
  const h = typeof reason === 'string' ? headers : reason;
  if (Array.isArray(h)) {
    // Either [[name, value], ...] or a flat [name, value, name, value, ...]; as in Node, the
    // array's lines replace any earlier value of their names, and repeat among themselves.
    const pairs: [string, string][] = Array.isArray(h[0]) ? (h as [string, string][]) : [];
    if (!Array.isArray(h[0])) for (let i = 0; i < h.length; i += 2) pairs.push([h[i] as string, h[i + 1] as string]);
    for (const [n] of pairs) res.removeHeader(n);
    for (const [n, v] of pairs) res.appendHeader(n, v);
  } else if (h && typeof h === 'object') {
    for (const [n, v] of Object.entries(h)) if (v !== undefined) res.setHeader(n, v as string | string[]);
  }
}

function trailersOf(captured: HeaderEntries | undefined): (() => HeaderEntries) | undefined {
  return captured ? () => captured : undefined;
}

/** Captures the downstream response instead of sending it. */
export function captureResponse(res: NodeResponse, fwd: ForwardedRequest): ResponseTap {
  applyPresets(res, fwd);
  const { restore } = patch(res);
  const r = res as unknown as Patchable;
  const chunks: Buffer[] = [];
  let trailers: HeaderEntries | undefined;
  let finished = false;
  const result = new Promise<DownstreamResponse>((resolve) => {
    const finish = (error?: unknown) => {
      if (finished) return;
      finished = true;
      res.off('close', onClose);
      const body = Buffer.concat(chunks);
      resolve({
        status: res.statusCode,
        headers: () => responseFieldLines(res),
        trailers: trailersOf(trailers),
        body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
        error,
      });
    };
    const onClose = () => finish(clientLeft());
    res.on('close', onClose);
    r.addTrailers = (h: unknown) => {
      trailers ??= [];
      for (const [n, v] of Array.isArray(h) ? h : Object.entries(h as object)) trailers.push([String(n), String(v)]);
    };
    r.writeHead = function (status: number, reason?: unknown, headers?: unknown) {
      absorbWriteHead(res, status, reason, headers);
      return res;
    };
    r.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
      const b = toBuffer(chunk, encoding);
      if (b) chunks.push(b);
      const done = callbackOf(encoding, cb);
      if (done) queueMicrotask(done);
      return true;
    };
    r.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
      const b = toBuffer(chunk, encoding);
      if (b) chunks.push(b);
      const done = callbackOf(chunk, encoding, cb);
      if (done) queueMicrotask(done);
      finish();
      return res;
    };
  });
  return { result, restore };
}

/** Lets the downstream response stream through, prefixed by what the guest wrote before next. */
export function watchResponse(res: NodeResponse, fwd: ForwardedRequest): ResponseTap {
  applyPresets(res, fwd);
  const prefix = fwd.responseBodyPrefix?.length ? Buffer.from(fwd.responseBodyPrefix) : undefined;
  const presetTrailers = fwd.responseTrailers;
  let restore = noRestore;
  if (prefix || presetTrailers) {
    const tapped = patch(res);
    restore = tapped.restore;
    const o = tapped.saved;
    const r = res as unknown as Patchable;
    let flushed = false;
    // Runs once, at downstream's first write or end: the guest's bytes go first. Write and
    // writeHead are handed back then; end stays patched while it still owes the preset trailers.
    const flushPrefix = () => {
      if (flushed) return;
      flushed = true;
      r.write = o.write;
      r.writeHead = o.writeHead;
      if (!presetTrailers) r.end = o.end;
      if (prefix) {
        const declared = res.getHeader('content-length');
        if (declared !== undefined && !res.headersSent) res.setHeader('content-length', Number(declared) + prefix.length);
        o.write.call(res, prefix);
      }
    };
    r.write = function (chunk: unknown, encoding?: unknown, cb?: unknown) {
      flushPrefix();
      return o.write.call(res, chunk, encoding, cb);
    };
    r.writeHead = function (status: number, reason?: unknown, headers?: unknown) {
      absorbWriteHead(res, status, reason, headers);
      return res;
    };
    r.end = function (chunk?: unknown, encoding?: unknown, cb?: unknown) {
      if (presetTrailers && !res.headersSent && 'chunkedEncoding' in res) {
        // A one-call end(body) would be framed with Content-Length, which carries no trailers:
        // frame it chunked, announce the trailers, and send the body as a write before the end.
        res.removeHeader('content-length');
        res.setHeader('transfer-encoding', 'chunked');
        res.setHeader('trailer', presetTrailers.names().join(', '));
      }
      flushPrefix();
      r.end = o.end;
      const body = toBuffer(chunk, encoding);
      if (presetTrailers) {
        if (body) o.write.call(res, body);
        o.addTrailers.call(res, presetTrailers.entries());
        return o.end.call(res, callbackOf(chunk, encoding, cb));
      }
      return o.end.call(res, chunk, encoding, cb);
    };
  }
  return new LazyTap(res, restore);
}

/**
 * A tap whose result is looked at only when it is read: most apps end the response inside
 * `next()`, and then no listener is needed at all. A class, because an object literal with a
 * getter is built slowly on every request.
 */
class LazyTap implements ResponseTap {
  private settled: Promise<DownstreamResponse> | undefined;

  constructor(private readonly res: NodeResponse, readonly restore: () => void) {}

  get result(): Promise<DownstreamResponse> {
    return (this.settled ??= finished(this.res));
  }
}

/**
 * Resolves when the app has ended the response, or the client left first. As in the reference
 * host, where handle_response runs once the next handler returned, the guest does not wait for
 * the bytes to reach the client. node:http announces the end synchronously, inside `end()`, with
 * 'prefinish'; the HTTP/2 compatibility response only has 'finish'. Listeners are never removed:
 * the response goes with them.
 */
function finished(res: NodeResponse): Promise<DownstreamResponse> {
  if (res.writableEnded) return Promise.resolve(settled(res));
  // Closed before it ended (the client left while the app was busy): 'close' was emitted already.
  if (res.destroyed) return Promise.resolve(settled(res, clientLeft()));
  return new Promise<DownstreamResponse>((resolve) => {
    // One listener for both events: the app ended the response if `writableEnded` says so by then.
    let pending = true;
    const ended = () => {
      if (!pending) return;
      pending = false;
      resolve(settled(res, res.writableEnded ? undefined : clientLeft()));
    };
    res.on(res instanceof ServerResponse ? 'prefinish' : 'finish', ended);
    res.on('close', ended);
  });
}

function settled(res: NodeResponse, error?: unknown): DownstreamResponse {
  return { status: res.statusCode, headers: () => responseFieldLines(res), error };
}

/** Only watches a response someone else writes: nothing is patched, nothing is preset. */
export function observeResponse(res: NodeResponse): ResponseTap {
  return new LazyTap(res, noRestore);
}
