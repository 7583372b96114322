/**
 * A node:http client, because the cases need what fetch hides: chunked uploads with trailers,
 * response trailers, the exact Content-Length and Transfer-Encoding, and HEAD framing.
 */
import http, { type IncomingHttpHeaders } from 'node:http';

export interface Exchange {
  method?: string;
  path?: string;
  headers?: Record<string, string | string[]>;
  /** Sent with a Content-Length. */
  body?: string | Buffer;
  /** Sent chunked (no Content-Length), one write each. */
  chunks?: (string | Buffer)[];
  /** Request trailers; implies a chunked upload. */
  trailers?: Record<string, string>;
  agent?: http.Agent | false;
  /** Fail instead of waiting forever for a response that never comes. @default 3000 */
  timeoutMs?: number;
}

export interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  trailers: NodeJS.Dict<string>;
}

export function send(base: string, x: Exchange = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...x.headers };
    if (x.body !== undefined) headers['content-length'] = String(Buffer.byteLength(x.body));
    if (x.trailers) headers.trailer = Object.keys(x.trailers).join(', ');
    const req = http.request(new URL(x.path ?? '/', base), { method: x.method ?? 'GET', headers, agent: x.agent ?? false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text: body.toString('utf8'), trailers: res.trailers });
      });
    });
    req.on('error', reject);
    // Everything is on loopback: a response that takes this long is not coming.
    const timeoutMs = x.timeoutMs ?? 3_000;
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no response to ${x.method ?? 'GET'} ${x.path ?? '/'} within ${timeoutMs} ms`)));
    if (x.body !== undefined) req.write(x.body);
    for (const c of x.chunks ?? []) req.write(c);
    if (x.trailers) req.addTrailers(x.trailers);
    req.end();
  });
}
