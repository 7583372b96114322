/** Asking a conformance guest to run one of its cases, and reading its report. */
import { expect } from 'vitest';
import { send, type Answer, type Exchange, type FieldLine } from './http-client.js';
import { parseReport, type Report } from './report.js';

export interface Asked {
  readonly answer: Answer;
  readonly report: Report;
}

/** Sends a request naming `caseName` in `x-case`, plus the exchange's own headers. */
export async function ask(baseUrl: string, caseName: string, exchange: Exchange = {}): Promise<Asked> {
  const headers: FieldLine[] = [['x-case', caseName], ...(exchange.headers ?? [])];
  const answer = await send(baseUrl, { ...exchange, headers });
  return { answer, report: parseReport(answer.body) };
}

/** The echo backend's JSON body: what the app behind the middleware saw. */
export interface Echoed {
  readonly method: string;
  readonly uri: string;
  readonly headerLines: ReadonlyArray<readonly [string, string]>;
  readonly body: string;
}

export function echoed(answer: Answer): Echoed {
  try {
    return JSON.parse(answer.text) as Echoed;
  } catch {
    throw new Error(`expected the echo backend's JSON, got status ${answer.status} body ${JSON.stringify(answer.body.slice(0, 300))}`);
  }
}

/** Values of one request header as the app saw them, one per field line. */
export function seenHeader(seen: Echoed, name: string): string[] {
  const key = name.toLowerCase();
  return seen.headerLines.filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
}

/**
 * Checks the field lines of one response header. Where the target keeps repeated lines apart they
 * must arrive as sent. Where it cannot promise to (a Web Response: capabilities
 * `distinctResponseLines`) they may also arrive as one line joined with ", ", the documented
 * difference; workerd, for one, still sends them apart.
 */
export function expectResponseLines(answer: Answer, name: string, lines: readonly string[], distinct: boolean): void {
  const seen = answer.headerValues(name);
  if (distinct || lines.length < 2) expect(seen, `${name} field lines`).toEqual(lines);
  else expect([[...lines], [lines.join(', ')]], `${name} field lines, apart or joined`).toContainEqual(seen);
}

/** The request header lines a guest or app sees, where the runtime may have joined repeated lines. */
export function requestLines(lines: readonly string[], distinct: boolean): string[] {
  return distinct || lines.length < 2 ? [...lines] : [lines.join(', ')];
}
