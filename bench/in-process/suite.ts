/**
 * The in-process section: every row timed once per round, rounds repeated, so drift on a shared
 * machine (another process taking the core for a second) spreads over all rows instead of landing
 * on one. A row's figure is the median over rounds.
 */
import { median } from '../stats.js';
import { inProcessCases, type InProcessCase } from './cases.js';
import { bytesPerCall, prepareCase, timeCase, type Timing } from './measure.js';

export interface InProcessResult {
  readonly case: InProcessCase;
  readonly p50Ns: number;
  readonly p99Ns: number;
  readonly bytesPerCall: number | undefined;
}

export interface InProcessOptions {
  readonly rounds: number;
  /** mitata CPU time per row per round, in ms. */
  readonly cpuTimeMs: number;
  readonly progress: (line: string) => void;
}

export async function runInProcess(o: InProcessOptions): Promise<InProcessResult[]> {
  const prepared = [];
  for (const c of inProcessCases) prepared.push(await prepareCase(c));
  try {
    const timings: Timing[][] = prepared.map(() => []);
    for (let round = 1; round <= o.rounds; round++) {
      o.progress(`in-process round ${round}/${o.rounds}`);
      for (const [i, p] of prepared.entries()) timings[i].push(await timeCase(p, o.cpuTimeMs));
    }
    const results: InProcessResult[] = [];
    for (const [i, p] of prepared.entries()) {
      results.push({
        case: p.case,
        p50Ns: median(timings[i].map((t) => t.p50Ns)),
        p99Ns: median(timings[i].map((t) => t.p99Ns)),
        bytesPerCall: await bytesPerCall(p),
      });
    }
    return results;
  } finally {
    for (const p of prepared) await p.subject.close();
  }
}
