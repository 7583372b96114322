/**
 * Sends one TCK request over node:http. node:http rather than fetch because the TCK needs bytes on
 * the wire exactly as written: request-targets are not normalised, header names keep their case,
 * and a repeated header goes out as separate field lines instead of one comma-joined line.
 */
import http from 'node:http';
import type { TckRequest } from './cases.js';

export interface TckAnswer {
  readonly status: number;
  /** The answer's protocol as the reference runner's `resp.Proto` spells it, e.g. "HTTP/1.1". */
  readonly protocol: string;
  /** Response header field lines as received. */
  readonly headerLines: ReadonlyArray<readonly [name: string, value: string]>;
  readonly body: string;
  /** First value of a header, case-insensitive (Go's `Header.Get`). */
  header(name: string): string | undefined;
}

/** Methods whose requests carry a body by convention; they always get a Content-Length. */
export const bodyMethods = new Set(['POST', 'PUT', 'PATCH']);

/** An answer from what arrived, whichever HTTP version carried it. */
export function tckAnswer(status: number, protocol: string, headerLines: Array<[string, string]>, body: string): TckAnswer {
  return {
    status,
    protocol,
    headerLines,
    body,
    header(name) {
      const key = name.toLowerCase();
      return headerLines.find(([n]) => n.toLowerCase() === key)?.[1];
    },
  };
}

export function sendTckRequest(
  base: URL,
  request: TckRequest,
  agent: http.Agent,
  timeoutMs: number,
): Promise<TckAnswer> {
  const body = request.body === undefined ? undefined : Buffer.from(request.body);
  // An array of raw lines is written as is; node then adds no Host, so it goes first here.
  const lines: string[] = ['Host', base.host];
  for (const [name, value] of request.headers) lines.push(name, value);
  if (body || bodyMethods.has(request.method)) lines.push('Content-Length', String(body?.length ?? 0));

  return new Promise((resolve, reject) => {
    const req = http.request({
      agent,
      host: base.hostname,
      port: base.port,
      method: request.method,
      path: request.target,
      headers: lines,
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const headerLines: Array<[string, string]> = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) headerLines.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
        resolve(tckAnswer(res.statusCode ?? 0, `HTTP/${res.httpVersion}`, headerLines, Buffer.concat(chunks).toString('utf8')));
      });
    });
    req.end(body);
  });
}
