/**
 * Describes a Web `Request` (Hono, Bun, Deno, Workers, fetch) as the port's IncomingRequest. What
 * the Web API does not carry (client address, HTTP version, the raw request-target, field lines
 * before comma-joining) comes from the runtime's connection info where the caller has it.
 */
import { BodyTooLargeError } from '../errors.js';
import type { HeaderEntries } from '../exchange/header-fields.js';
import type { IncomingRequest } from '../exchange/port.js';

export interface ConnectionInfo {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
  /** e.g. "HTTP/2.0"; the Web API has no HTTP version, so "HTTP/1.1" unless the runtime says. */
  protocol?: string | undefined;
  /** The request-target exactly as received, when the runtime exposes it (Node does). */
  rawTarget?: string | undefined;
  /** Header field lines exactly as received, when the runtime exposes them (Node does). */
  rawHeaders?: (() => HeaderEntries) | undefined;
}

/**
 * Field lines from a Headers object. Headers joins repeated fields with ", " (all but Set-Cookie),
 * so without raw lines from the runtime a repeated request header reaches the guest as one value.
 */
export function headerLines(headers: Headers): HeaderEntries {
  const out: HeaderEntries = [];
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') out.push([name, value]);
  });
  for (const cookie of headers.getSetCookie?.() ?? []) out.push(['set-cookie', cookie]);
  return out;
}

/** Path and query of an absolute URL, keeping an empty query (`/a?`), which URL.search drops. */
export function originFormOf(url: string): string {
  const u = new URL(url);
  const hash = u.href.indexOf('#');
  const target = u.href.slice(u.origin.length, hash < 0 ? undefined : hash);
  return target === '' ? '/' : target;
}

export async function readWebBody(
  body: ReadableStream<Uint8Array> | null,
  limit: number,
  declared?: string | null,
  signal?: AbortSignal,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array(0);
  const tooLarge = (size: number) =>
    new BodyTooLargeError(`request body of ${size}+ bytes exceeds maxBodyBytes ${limit}`, { phase: 'request', culprit: 'maxBodyBytes' });
  if (declared && Number(declared) > limit) {
    await body.cancel().catch(() => {});
    throw tooLarge(Number(declared));
  }
  const reader = body.getReader();
  // A client that goes away mid-upload aborts the request's signal, but some servers leave its body
  // stream pending forever: the read races the signal so the exchange still ends.
  const aborted = signal
    ? new Promise<never>((_, reject) => {
        const fail = () => reject(new Error('client closed the connection before sending the whole body'));
        if (signal.aborted) fail();
        else signal.addEventListener('abort', fail, { once: true });
      })
    : undefined;
  aborted?.catch(() => {});
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await (aborted ? Promise.race([reader.read(), aborted]) : reader.read()).catch(async (err: unknown) => {
      await reader.cancel().catch(() => {});
      throw err;
    });
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge(total);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * A class, not an object literal with a getter: it is built for every request, and a literal with
 * an accessor is built slowly. The target is worked out only if the guest asks for it.
 */
class WebIncomingRequest implements IncomingRequest {
  readonly method: string;
  readonly protocol: string;
  readonly remoteAddress: string | undefined;
  readonly remotePort: number | undefined;
  private target: string | undefined;

  constructor(private readonly req: Request, private readonly info: ConnectionInfo) {
    this.method = req.method;
    this.protocol = info.protocol ?? 'HTTP/1.1';
    this.remoteAddress = info.remoteAddress;
    this.remotePort = info.remotePort;
  }

  get uri(): string {
    return (this.target ??= this.info.rawTarget ?? originFormOf(this.req.url));
  }

  // GET and HEAD requests cannot carry a body in the Fetch API. Not reading `req.body` for them
  // matters: on @hono/node-server that read builds the full Request it otherwise avoids.
  get hasBody(): boolean {
    const m = this.req.method;
    return m !== 'GET' && m !== 'HEAD' && this.req.body !== null;
  }

  headers(): HeaderEntries {
    return this.info.rawHeaders ? this.info.rawHeaders() : headerLines(this.req.headers);
  }

  readBody(limit: number): Promise<Uint8Array> {
    return readWebBody(this.req.body, limit, this.req.headers.get('content-length'), this.req.signal);
  }
}

export function webIncoming(req: Request, info: ConnectionInfo = {}): IncomingRequest {
  return new WebIncomingRequest(req, info);
}
