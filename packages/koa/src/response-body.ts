/**
 * Koa holds the response body on ctx until every middleware has returned, in whatever form the app
 * gave it (Buffer, string, JSON value, Node stream, and on Koa 3 web streams, Blobs and Responses).
 * These read it as the bytes Koa would send, for a guest with buffer_response, and put the bytes a
 * guest wrote before next in front of it, as the reference host does by writing them first.
 */
import { Readable } from 'node:stream';
import type { Context } from 'koa';

/** Statuses whose responses Koa sends without a body (statuses.empty). */
const BODILESS = new Set([204, 205, 304]);

const EMPTY = Buffer.alloc(0);

type Chunks = AsyncIterable<unknown>;
type BodyForm = { readonly bytes: Buffer } | { readonly chunks: Chunks };

function isNodeStream(value: object): value is Readable {
  return typeof (value as Readable).pipe === 'function' && typeof (value as Readable).on === 'function';
}

/** The body as Koa's respond() would serialise it; undefined when downstream set none. */
function bodyForm(body: unknown): BodyForm | undefined {
  if (body === null || body === undefined) return undefined;
  if (Buffer.isBuffer(body)) return { bytes: body };
  if (typeof body === 'string') return { bytes: Buffer.from(body) };
  if (typeof body === 'object') {
    if (isNodeStream(body)) return { chunks: body };
    // Node's web streams are async iterable; the DOM typings do not say so.
    if (body instanceof Blob) return { chunks: body.stream() as unknown as Chunks };
    if (body instanceof ReadableStream) return { chunks: body as unknown as Chunks };
    if (body instanceof Response) return { chunks: (body.body ?? []) as unknown as Chunks };
  }
  return { bytes: Buffer.from(JSON.stringify(body)) };
}

function chunkBytes(chunk: unknown): Buffer {
  if (Buffer.isBuffer(chunk)) return chunk;
  if (chunk instanceof Uint8Array) return Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
  return Buffer.from(String(chunk));
}

async function* prefixed(prefix: Buffer, rest: AsyncIterable<unknown>): AsyncGenerator<Buffer> {
  yield prefix;
  for await (const chunk of rest) yield chunkBytes(chunk);
}

/** Koa's body for a response nobody gave one: the status message as text (respond()'s "status body"). */
function statusBody(ctx: Context): Buffer {
  // Koa's own flag for `ctx.body = null` set on purpose: an empty answer, not a status page.
  if ((ctx.response as { _explicitNullBody?: boolean })._explicitNullBody) return EMPTY;
  const text = ctx.req.httpVersionMajor >= 2 ? String(ctx.status) : ctx.message || String(ctx.status);
  ctx.type = 'text';
  ctx.length = Buffer.byteLength(text);
  return Buffer.from(text);
}

/**
 * Reads the whole body downstream left on ctx, as Koa would send it. `started`: the guest wrote
 * body bytes before next, so an absent downstream body adds nothing (no status page).
 */
export async function drainBody(ctx: Context, started: boolean): Promise<Buffer> {
  if (BODILESS.has(ctx.status)) return EMPTY;
  const form = bodyForm(ctx.body);
  if (!form) return started ? EMPTY : statusBody(ctx);
  if ('bytes' in form) return form.bytes;
  const parts: Buffer[] = [];
  for await (const chunk of form.chunks) parts.push(chunkBytes(chunk));
  return Buffer.concat(parts);
}

/** Puts `prefix` in front of whatever body downstream set, keeping Koa's Content-Length right. */
export function prependBody(ctx: Context, prefix: Buffer): void {
  if (BODILESS.has(ctx.status)) return;
  const form = bodyForm(ctx.body);
  if (!form) {
    // The guest's bytes are the whole body; Koa must not invent a Content-Type for them.
    const typed = ctx.res.hasHeader('content-type');
    ctx.body = prefix;
    if (!typed) ctx.remove('Content-Type');
    return;
  }
  if ('bytes' in form) {
    ctx.body = Buffer.concat([prefix, form.bytes]);
    return;
  }
  // Koa drops Content-Length when one stream replaces another; a declared length stays true.
  const declared = ctx.res.hasHeader('content-length') ? ctx.response.length : undefined;
  ctx.body = Readable.from(prefixed(prefix, form.chunks), { objectMode: false });
  if (declared !== undefined) ctx.length = declared + prefix.length;
}
