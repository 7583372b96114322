/**
 * The TCK runner: sends the 35 TCK requests to a server that runs the TCK guest (guests/tck) in
 * front of the TCK backend (test/harness/backends.ts), and reports each case. Framework-neutral:
 * it only needs a URL, so every adapter and runtime is checked by the same code.
 *
 * The server must be reached over IPv4 loopback (`http://127.0.0.1:<port>`): the get_source_addr
 * case expects the client address 127.0.0.1. It speaks HTTP/1.1 unless asked for HTTP/2.
 */
import http from 'node:http';
import { tckCases, type TckCase, type TckRequest } from './cases.js';
import { openHttp2Session, type Http2Options } from './tck-client-h2.js';
import { sendTckRequest, type TckAnswer } from './tck-client.js';

export { tckCases } from './cases.js';

export interface TckResult {
  readonly id: string;
  readonly pass: boolean;
  /** Why the case failed; empty when it passed. */
  readonly reasons: readonly string[];
  /** Response status, when an answer arrived. */
  readonly status?: number;
}

export interface TckOptions {
  /** Per-request limit. @default 5000 */
  readonly timeoutMs?: number;
  /** Runs only the cases whose id this accepts. */
  readonly filter?: (id: string) => boolean;
  /**
   * Cases in flight at once, each on its own connection. Above 1, requests overlap inside the
   * host, so one case's state leaking into another's instance shows up as a failure. @default 1
   */
  readonly concurrency?: number;
  /**
   * Speak HTTP/2 (node:http2): over TLS for an `https:` URL, h2c with prior knowledge for `http:`.
   * Cases then run as streams of one session, and get_protocol_version expects "HTTP/2.0".
   * Absent: HTTP/1.1 over plain `http:`.
   */
  readonly http2?: Http2Options;
}

type Send = (request: TckRequest, timeoutMs: number) => Promise<TckAnswer>;

/** How requests reach the server: kept-alive HTTP/1.1 connections, or one HTTP/2 session. */
function openTransport(base: URL, options: TckOptions, concurrency: number): { send: Send; close(): void } {
  if (options.http2) return openHttp2Session(base, options.http2);
  if (base.protocol !== 'http:') throw new TypeError(`runTck speaks plain HTTP/1.1 unless asked for http2, not ${base.protocol} (${base.href})`);
  // Kept-alive connections, like the reference runner's default client: the host must also get
  // connection reuse right across requests that did and did not go downstream.
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  return { send: (request, timeoutMs) => sendTckRequest(base, request, agent, timeoutMs), close: () => agent.destroy() };
}

const snippet = (body: string) => JSON.stringify(body.length > 200 ? `${body.slice(0, 200)}...` : body);

/** The checks every answer gets, as the reference runner's `checkResponse` makes them. */
function commonChecks(answer: TckAnswer): string[] {
  const reasons: string[] = [];
  if (answer.header('x-httpwasm-tck-handled') !== '1') {
    reasons.push(`x-httpwasm-tck-handled header is missing (status ${answer.status}, body ${snippet(answer.body)})`);
  }
  if (answer.status === 500) {
    const message = answer.header('x-httpwasm-tck-failed') ?? '';
    if (message === '') reasons.push(`error status without test failure message (body ${snippet(answer.body)})`);
    reasons.push(`assertion failed: ${message}`);
  }
  return reasons;
}

async function runCase(send: Send, c: TckCase, timeoutMs: number): Promise<TckResult> {
  let answer: TckAnswer;
  try {
    answer = await send({ ...c.request, headers: [...c.request.headers, ['x-httpwasm-tck-testid', c.id]] }, timeoutMs);
  } catch (err) {
    return { id: c.id, pass: false, reasons: [`request failed: ${(err as Error).message}`] };
  }
  const reasons = [...commonChecks(answer), ...(c.check?.(answer) ?? [])];
  return { id: c.id, pass: reasons.length === 0, reasons, status: answer.status };
}

export async function runTck(baseUrl: string, options: TckOptions = {}): Promise<TckResult[]> {
  const base = new URL(baseUrl);
  const timeoutMs = options.timeoutMs ?? 5000;
  const concurrency = Math.max(1, options.concurrency ?? 1);
  const cases = tckCases.filter((c) => !options.filter || options.filter(c.id));
  const transport = openTransport(base, options, concurrency);
  try {
    // Results keep the cases' order whatever order the answers arrive in.
    const results: TckResult[] = new Array(cases.length);
    let nextIndex = 0;
    const worker = async () => {
      while (nextIndex < cases.length) {
        const i = nextIndex++;
        results[i] = await runCase(transport.send, cases[i], timeoutMs);
      }
    };
    await Promise.all(Array.from({ length: Math.min(concurrency, cases.length) }, worker));
    return results;
  } finally {
    transport.close();
  }
}

/** A report of the failed cases, one block each, for assertion messages. */
export function formatTckFailures(results: readonly TckResult[]): string {
  const failed = results.filter((r) => !r.pass);
  const head = `${results.length - failed.length}/${results.length} TCK cases passed`;
  if (failed.length === 0) return head;
  const blocks = failed.map((r) => `  ${r.id}${r.status === undefined ? '' : ` (status ${r.status})`}\n${r.reasons.map((x) => `    - ${x}`).join('\n')}`);
  return `${head}; failed:\n${blocks.join('\n')}`;
}
