/**
 * The suite's HTTP client, with a fresh connection per request: node:http for HTTP/1.1, and
 * node:http2 for apps registered as HTTP/2-only (`reachOverHttp2`). node's own clients rather than
 * fetch or undici because conformance needs the wire as written and as received: request-targets
 * are not normalised, a repeated header goes out as separate field lines, and answers keep every
 * field line, trailers included.
 */
import http from 'node:http';
import { connect, type OutgoingHttpHeaders } from 'node:http2';
import net from 'node:net';

export type FieldLine = readonly [name: string, value: string];

export interface Exchange {
  readonly method?: string;
  /** The raw request-target. @default "/" */
  readonly target?: string;
  readonly headers?: readonly FieldLine[];
  /** Sent with a Content-Length, unless `trailers` asks for a chunked body. */
  readonly body?: string | Uint8Array;
  /** Request trailers: the body goes out chunked, these after it. */
  readonly trailers?: readonly FieldLine[];
  /** Send the body chunked (no Content-Length), as a streaming client would. */
  readonly chunked?: boolean;
  /** @default 5000 */
  readonly timeoutMs?: number;
}

export interface Answer {
  readonly status: number;
  readonly headerLines: readonly FieldLine[];
  readonly trailerLines: readonly FieldLine[];
  /** The body's bytes as latin1, one char per byte. */
  readonly body: string;
  /** The body decoded as UTF-8. */
  readonly text: string;
  /** The client's own port, as the server should report it in get_source_addr. */
  readonly localPort: number;
  /** First value of a header, case-insensitive. */
  header(name: string): string | undefined;
  /** Every field line's value of a header, in order, never joined. */
  headerValues(name: string): string[];
}

const http2Apps = new Map<string, { ca?: string }>();

/** Marks the app at `baseUrl` as HTTP/2-only: requests to it go over node:http2 (TLS when https). */
export function reachOverHttp2(baseUrl: string, ca?: string): void {
  http2Apps.set(new URL(baseUrl).origin, ca ? { ca } : {});
}

export function forgetApp(baseUrl: string): void {
  http2Apps.delete(new URL(baseUrl).origin);
}

function pairs(raw: string[]): FieldLine[] {
  const out: FieldLine[] = [];
  for (let i = 0; i < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

function valuesIn(lines: readonly FieldLine[], name: string): string[] {
  const key = name.toLowerCase();
  return lines.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
}

function answerOf(status: number, headerLines: FieldLine[], trailerLines: FieldLine[], bytes: Buffer, localPort: number): Answer {
  return {
    status,
    headerLines,
    trailerLines,
    body: bytes.toString('latin1'),
    text: bytes.toString('utf8'),
    localPort,
    header: (name) => valuesIn(headerLines, name)[0],
    headerValues: (name) => valuesIn(headerLines, name),
  };
}

export function send(baseUrl: string, exchange: Exchange = {}): Promise<Answer> {
  const base = new URL(baseUrl);
  const h2 = http2Apps.get(base.origin);
  if (h2) return sendHttp2(base, exchange, h2.ca);
  const body = exchange.body === undefined ? undefined : Buffer.from(exchange.body as Uint8Array | string);
  const trailers = exchange.trailers ?? [];
  const chunked = exchange.chunked === true || trailers.length > 0;
  // An array of raw lines goes out exactly as given; node then adds no Host of its own.
  const lines: string[] = ['Host', base.host];
  for (const [n, v] of exchange.headers ?? []) lines.push(n, v);
  if (chunked) lines.push('Transfer-Encoding', 'chunked');
  if (trailers.length) lines.push('Trailer', [...new Set(trailers.map(([n]) => n))].join(', '));
  else if (body && !chunked) lines.push('Content-Length', String(body.length));
  const timeoutMs = exchange.timeoutMs ?? 5000;

  return new Promise((resolve, reject) => {
    let localPort = 0;
    const req = http.request({
      agent: false,
      host: base.hostname,
      port: base.port,
      method: exchange.method ?? 'GET',
      path: exchange.target ?? '/',
      headers: lines,
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('socket', (socket) => socket.once('connect', () => (localPort = socket.localPort ?? 0)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('aborted', () => reject(new Error('the server aborted the response')));
      res.on('end', () => resolve(answerOf(res.statusCode ?? 0, pairs(res.rawHeaders), pairs(res.rawTrailers), Buffer.concat(chunks), localPort)));
    });
    if (chunked) {
      // Two writes, so the body really arrives in pieces.
      if (body?.length) {
        req.write(body.subarray(0, body.length >> 1));
        req.write(body.subarray(body.length >> 1));
      }
      if (trailers.length) req.addTrailers(trailers.map(([n, v]) => [n, v] as [string, string]));
      req.end();
    } else req.end(body);
  });
}

/** The same exchange over HTTP/2: no Host line (`:authority`), names lower-cased on the wire. */
function sendHttp2(base: URL, exchange: Exchange, ca: string | undefined): Promise<Answer> {
  const body = exchange.body === undefined ? undefined : Buffer.from(exchange.body as Uint8Array | string);
  const trailers = exchange.trailers ?? [];
  const headers: OutgoingHttpHeaders = { ':method': exchange.method ?? 'GET', ':path': exchange.target ?? '/' };
  for (const [name, value] of exchange.headers ?? []) {
    const key = name.toLowerCase();
    const have = headers[key];
    // An array goes out as separate field lines.
    headers[key] = have === undefined ? value : [...(Array.isArray(have) ? have : [String(have)]), value];
  }
  if (body && !exchange.chunked && !trailers.length) headers['content-length'] = String(body.length);
  const timeoutMs = exchange.timeoutMs ?? 5000;
  const session = connect(base.origin, ca ? { ca } : {});
  session.on('error', () => {});
  return new Promise<Answer>((resolve, reject) => {
    const stream = session.request(headers, { endStream: false, waitForTrailers: trailers.length > 0 });
    stream.setTimeout(timeoutMs, () => stream.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    stream.on('error', reject);
    stream.on('wantTrailers', () => stream.sendTrailers(Object.fromEntries(trailers.map(([n, v]) => [n.toLowerCase(), v]))));
    let status = 0;
    const headerLines: FieldLine[] = [];
    const trailerLines: FieldLine[] = [];
    // node's third argument holds the raw field lines, so repeated lines stay apart.
    stream.on('response', (_h: unknown, _f: number, raw: string[]) => {
      for (let i = 0; i < raw.length; i += 2) {
        if (raw[i] === ':status') status = Number(raw[i + 1]);
        else headerLines.push([raw[i], raw[i + 1]]);
      }
    });
    stream.on('trailers', (_h: unknown, _f: number, raw: string[]) => trailerLines.push(...pairs(raw ?? [])));
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(answerOf(status, headerLines, trailerLines, Buffer.concat(chunks), session.socket?.localPort ?? 0)));
    if (body?.length) {
      stream.write(body.subarray(0, body.length >> 1));
      stream.write(body.subarray(body.length >> 1));
    }
    stream.end();
  }).finally(() => session.close());
}

/**
 * Starts a request and drops the connection `afterMs` later, before the answer, as a client that
 * gave up would. Resolves once the connection is gone.
 */
export function abandon(baseUrl: string, exchange: Exchange, afterMs: number): Promise<void> {
  const base = new URL(baseUrl);
  const headers = [...(exchange.headers ?? [])];
  const h2 = http2Apps.get(base.origin);
  if (h2) {
    const session = connect(base.origin, h2.ca ? { ca: h2.ca } : {});
    session.on('error', () => {});
    const fields: OutgoingHttpHeaders = { ':method': exchange.method ?? 'GET', ':path': exchange.target ?? '/' };
    for (const [n, v] of headers) fields[n.toLowerCase()] = v;
    const stream = session.request(fields);
    stream.on('error', () => {});
    return new Promise((resolve) => setTimeout(() => {
      session.destroy();
      resolve();
    }, afterMs));
  }
  const lines: string[] = ['Host', base.host];
  for (const [n, v] of headers) lines.push(n, v);
  const req = http.request({ agent: false, host: base.hostname, port: base.port, method: exchange.method ?? 'GET', path: exchange.target ?? '/', headers: lines });
  req.on('error', () => {});
  req.end();
  return new Promise((resolve) => setTimeout(() => {
    req.destroy();
    resolve();
  }, afterMs));
}

/** Whether `raw` holds one whole response: headers, then Content-Length bytes or a last chunk. */
function complete(raw: string): boolean {
  const end = raw.indexOf('\r\n\r\n');
  if (end < 0) return false;
  const head = raw.slice(0, end);
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
  if (length) return raw.length - end - 4 >= Number(length[1]);
  if (/\r\ntransfer-encoding:\s*chunked/i.test(head)) return raw.endsWith('\r\n0\r\n\r\n');
  return false;
}

/**
 * Sends bytes exactly as given and resolves with the response, once it is complete or the server
 * closed the connection (some servers keep it open even after `Connection: close`).
 */
export function sendRaw(baseUrl: string, request: string, timeoutMs = 5000): Promise<string> {
  const base = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    let raw = '';
    const socket = net.connect(Number(base.port), base.hostname, () => socket.write(request));
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    socket.on('data', (c: Buffer) => {
      raw += c.toString('latin1');
      if (complete(raw)) socket.destroy();
    });
    socket.on('error', reject);
    socket.on('close', () => resolve(raw));
  });
}
