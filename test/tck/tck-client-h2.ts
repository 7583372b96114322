/**
 * Sends TCK requests over HTTP/2 with node:http2, as the reference runner does against an HTTP/2
 * host (Go's client over TLS with ALPN h2). node:http2 rather than undici because undici joins
 * repeated request header lines into one "a, b" field over HTTP/2; here each value of a repeated
 * name goes out as its own field line. HTTP/2 has no Host line (`:authority` carries it) and
 * lower-cases every name on the wire. One session carries every case, each on its own stream.
 */
import { connect, type ClientHttp2Session, type OutgoingHttpHeaders } from 'node:http2';
import type { TckRequest } from './cases.js';
import { bodyMethods, tckAnswer, type TckAnswer } from './tck-client.js';

export interface Http2Options {
  /** The certificate to trust for an `https:` URL (a test server's self-signed one). */
  readonly ca?: string;
}

export interface Http2TckSession {
  send(request: TckRequest, timeoutMs: number): Promise<TckAnswer>;
  close(): void;
}

/** `https:` speaks HTTP/2 over TLS (ALPN h2); `http:` speaks h2c with prior knowledge. */
export function openHttp2Session(base: URL, options: Http2Options = {}): Http2TckSession {
  const session: ClientHttp2Session = connect(base.origin, options.ca ? { ca: options.ca } : {});
  // A failed session fails its streams, which reject their own requests.
  session.on('error', () => {});
  return { send: (request, timeoutMs) => sendOnSession(session, request, timeoutMs), close: () => session.destroy() };
}

function requestHeaders(request: TckRequest, body: Buffer | undefined): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = { ':method': request.method, ':path': request.target };
  for (const [name, value] of request.headers) {
    const key = name.toLowerCase();
    const have = headers[key];
    headers[key] = have === undefined ? value : [...(Array.isArray(have) ? have : [String(have)]), value];
  }
  if (body || bodyMethods.has(request.method)) headers['content-length'] = String(body?.length ?? 0);
  return headers;
}

function sendOnSession(session: ClientHttp2Session, request: TckRequest, timeoutMs: number): Promise<TckAnswer> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  return new Promise((resolve, reject) => {
    const stream = session.request(requestHeaders(request, body), { endStream: false });
    stream.setTimeout(timeoutMs, () => stream.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    stream.on('error', reject);
    let status = 0;
    const headerLines: Array<[string, string]> = [];
    // node's third argument: the raw field lines, so repeated response lines stay apart.
    stream.on('response', (_headers: unknown, _flags: number, raw: string[]) => {
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i] === ':status') status = Number(raw[i + 1]);
        else headerLines.push([raw[i]!, raw[i + 1]!]);
      }
    });
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    // Go spells the protocol of an HTTP/2 answer "HTTP/2.0" (resp.Proto).
    stream.on('end', () => resolve(tckAnswer(status, 'HTTP/2.0', headerLines, Buffer.concat(chunks).toString('utf8'))));
    stream.end(body);
  });
}
