/** Reads and writes a Node response's headers as field lines. */
import type { OutgoingHttpHeader, ServerResponse } from 'node:http';
import type { Http2ServerResponse } from 'node:http2';
import type { HeaderEntries, HeaderFields } from '../exchange/header-fields.js';

export type NodeResponse = ServerResponse | Http2ServerResponse;

export function responseFieldLines(res: NodeResponse): HeaderEntries {
  const out: HeaderEntries = [];
  const headers = res.getHeaders();
  for (const name of Object.keys(headers)) {
    const v = headers[name] as OutgoingHttpHeader | undefined;
    if (v === undefined) continue;
    if (Array.isArray(v)) for (const item of v) out.push([name, String(item)]);
    else out.push([name, String(v)]);
  }
  return out;
}

/** Sets every header of `fields` on `res`, each name's field lines as one setHeader call. */
export function setResponseHeaders(res: NodeResponse, fields: HeaderFields): void {
  const lines = fields.entries();
  // The common case, one header, needs no grouping.
  if (lines.length === 1) return void res.setHeader(lines[0][0].toLowerCase(), lines[0][1]);
  for (const [name, values] of fields.grouped()) res.setHeader(name, values.length === 1 ? values[0] : values);
}

export function clearResponseHeaders(res: NodeResponse): void {
  for (const name of res.getHeaderNames()) res.removeHeader(name);
}
