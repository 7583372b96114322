/**
 * Memory per pooled instance: for each guest, N = 1, 16, 64 warm instances, each N in its own fresh
 * process (trials alternate over N, figures are medians over trials). The slope of a least-squares
 * line through (N, growth) is the cost of one more instance; what is left at N = 0 is paid once per
 * guest (its compiled code, the pool, the handler).
 */
import { fileURLToPath } from 'node:url';
import { median } from '../stats.js';
import { inFreshProcess } from '../cold-start/fresh-process.js';
import { coldStartGuests, type ColdStartGuest } from '../cold-start/guests.js';
import type { Footprint } from './pool-footprint.js';

export const POOL_SIZES = [1, 16, 64] as const;

export interface PoolMemory {
  readonly guest: ColdStartGuest;
  /** Median growth of the process at each pool size, in POOL_SIZES order. */
  readonly at: readonly Footprint[];
  /** Bytes per extra instance. */
  readonly perInstance: Footprint;
}

const entry = fileURLToPath(new URL('./pool-footprint.ts', import.meta.url));
const fields = ['rss', 'heapUsed', 'external', 'arrayBuffers'] as const;

function slope(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let num = 0;
  let den = 0;
  for (let i = 0; i < xs.length; i++) {
    num += (xs[i] - mx) * (ys[i] - my);
    den += (xs[i] - mx) ** 2;
  }
  return num / den;
}

function mapFields(f: (k: (typeof fields)[number]) => number): Footprint {
  return { rss: f('rss'), heapUsed: f('heapUsed'), external: f('external'), arrayBuffers: f('arrayBuffers') };
}

export async function runPoolMemory(o: { trials: number; progress: (line: string) => void }): Promise<PoolMemory[]> {
  const guests = await coldStartGuests();
  const results: PoolMemory[] = [];
  for (const guest of guests) {
    const trials = POOL_SIZES.map((): Footprint[] => []);
    for (let t = 1; t <= o.trials; t++) {
      o.progress(`memory: ${guest.label}, pools of ${POOL_SIZES.join(', ')}, trial ${t}/${o.trials}`);
      for (const [i, n] of POOL_SIZES.entries()) trials[i].push(await inFreshProcess<Footprint>(entry, [guest.file, String(n)], ['--expose-gc']));
    }
    const at = trials.map((ts) => mapFields((k) => median(ts.map((x) => x[k]))));
    results.push({ guest, at, perInstance: mapFields((k) => slope([...POOL_SIZES], at.map((a) => a[k]))) });
  }
  return results;
}
