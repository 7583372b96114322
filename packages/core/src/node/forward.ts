/**
 * Applies what the guest changed to the Node request before the rest of the app sees it: method
 * and URL (so a router mounted later dispatches on them), headers (req.headers and rawHeaders
 * kept consistent), and a replaced or replayed body with a correct Content-Length.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { HeaderFields } from '../exchange/header-fields.js';
import type { ForwardedRequest } from '../exchange/port.js';
import { replayBody } from './body-replay.js';
import type { NodeRequest } from './incoming.js';

// Node keeps only the first of these when a request repeats them (see IncomingMessage._addHeaderLine).
const singletons = new Set([
  'age', 'authorization', 'content-length', 'content-type', 'etag', 'expires', 'from', 'host',
  'if-modified-since', 'if-unmodified-since', 'last-modified', 'location', 'max-forwards',
  'proxy-authorization', 'referer', 'retry-after', 'server', 'user-agent',
]);

export function nodeHeaderObject(fields: HeaderFields): IncomingHttpHeaders {
  const out: IncomingHttpHeaders = {};
  for (const [name, values] of fields.grouped()) {
    if (name === 'set-cookie') out[name] = values;
    else if (singletons.has(name)) out[name] = values[0];
    else if (name === 'cookie') out[name] = values.join('; ');
    else out[name] = values.join(', ');
  }
  return out;
}

function setRequestHeaders(req: NodeRequest, fields: HeaderFields): void {
  const raw: string[] = [];
  for (const [n, v] of fields.entries()) raw.push(n, v);
  const headers = nodeHeaderObject(fields);
  // http2 compat requests expose headers through getters; define own properties on both kinds.
  Object.defineProperty(req, 'headers', { configurable: true, writable: true, value: headers });
  Object.defineProperty(req, 'rawHeaders', { configurable: true, writable: true, value: raw });
  Object.defineProperty(req, 'headersDistinct', { configurable: true, writable: true, value: Object.fromEntries(fields.grouped()) });
}

export function applyForwarded(req: NodeRequest, fwd: ForwardedRequest): void {
  if (fwd.method !== undefined) (req as { method: string }).method = fwd.method;
  if (fwd.uri !== undefined) (req as { url: string }).url = fwd.uri;
  if (fwd.headers) setRequestHeaders(req, fwd.headers);
  if (fwd.body !== undefined) {
    const h = req.headers as IncomingHttpHeaders;
    delete h['transfer-encoding'];
    h['content-length'] = String(fwd.body.length);
    const raw: string[] = [];
    const src = req.rawHeaders;
    for (let i = 0; i < src.length; i += 2) {
      const n = src[i].toLowerCase();
      if (n !== 'content-length' && n !== 'transfer-encoding') raw.push(src[i], src[i + 1]);
    }
    raw.push('content-length', String(fwd.body.length));
    Object.defineProperty(req, 'rawHeaders', { configurable: true, writable: true, value: raw });
    replayBody(req, fwd.body);
  }
}
