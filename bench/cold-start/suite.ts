/**
 * The cold-start section: for each guest, loads in fresh processes (the whole public path, and the
 * same load taken apart), then loads in a process already running guests, and the cost of one more
 * pool instance. Trials alternate between guests and kinds, so drift on a shared machine spreads
 * over all rows; each figure is a median over trials.
 */
import { fileURLToPath } from 'node:url';
import { median } from '../stats.js';
import { inFreshProcess } from './fresh-process.js';
import { coldStartGuests, type ColdStartGuest } from './guests.js';
import type { RunningProcessTrial } from './running-process.js';
import type { PhasesTrial, PublicTrial } from './trial.js';

export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

export interface ColdStartResult {
  readonly guest: ColdStartGuest;
  readonly trials: number;
  /** createMiddleware until ready, in a fresh process. */
  readonly readyMs: Spread;
  /** The first handle() after ready. */
  readonly firstRequestMs: Spread;
  readonly readInfoMs: Spread;
  readonly instrumentMs: Spread;
  readonly compileMs: Spread;
  readonly instantiateMs: Spread;
  /** A fresh guest's load in a process that has loaded guests before. */
  readonly warmLoadMs: number;
  readonly perInstanceMs: number;
}

export interface ColdStartOptions {
  readonly trials: number;
  /** Loads per figure in the already-running process. */
  readonly warmLoads: number;
  readonly progress: (line: string) => void;
}

const trialEntry = fileURLToPath(new URL('./trial.ts', import.meta.url));
const runningEntry = fileURLToPath(new URL('./running-process.ts', import.meta.url));

const spread = (xs: number[]): Spread => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

export async function runColdStart(o: ColdStartOptions): Promise<ColdStartResult[]> {
  const guests = await coldStartGuests();
  const publicTrials = guests.map((): PublicTrial[] => []);
  const phaseTrials = guests.map((): PhasesTrial[] => []);
  for (let t = 1; t <= o.trials; t++) {
    o.progress(`cold start trial ${t}/${o.trials}`);
    for (const [i, g] of guests.entries()) {
      publicTrials[i].push(await inFreshProcess<PublicTrial>(trialEntry, ['public', g.file]));
      phaseTrials[i].push(await inFreshProcess<PhasesTrial>(trialEntry, ['phases', g.file]));
    }
  }
  const results: ColdStartResult[] = [];
  for (const [i, g] of guests.entries()) {
    o.progress(`cold start: ${g.label} in a running process`);
    const running = await inFreshProcess<RunningProcessTrial>(runningEntry, [g.file, String(o.warmLoads)]);
    const pub = publicTrials[i];
    const ph = phaseTrials[i];
    results.push({
      guest: g,
      trials: o.trials,
      readyMs: spread(pub.map((p) => p.readyMs)),
      firstRequestMs: spread(pub.map((p) => p.firstRequestMs)),
      readInfoMs: spread(ph.map((p) => p.readInfoMs)),
      instrumentMs: spread(ph.map((p) => p.instrumentMs)),
      compileMs: spread(ph.map((p) => p.compileMs)),
      instantiateMs: spread(ph.map((p) => p.instantiateMs)),
      warmLoadMs: running.warmLoadMs,
      perInstanceMs: running.perInstanceMs,
    });
  }
  return results;
}
