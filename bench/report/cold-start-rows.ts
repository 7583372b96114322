/**
 * The cold-start table: per guest, the public load in fresh processes and its breakdown, the same
 * load in a running process, and one more pool instance. The breakdown's steps are timed in other
 * processes than the total, in the core's order, so they add up to it only roughly; the gap is the
 * rest of the core's work (reading the rewritten module again, ABI checks, the pool).
 */
import type { ColdStartResult, Spread } from '../cold-start/suite.js';
import { LARGE_GUEST_COLD_START_MAX_MS, verdict } from '../targets.js';
import { duration } from './format.js';
import { markdownTable, type Cell } from './table.js';

const header: Cell[] = ['guest', 'row', 'median', 'range', 'how', 'target', 'status'];

/** Milliseconds as the table shows durations: µs below 1 ms. */
const millis = (ms: number) => duration(ms * 1e6);
const range = (s: Spread) => `${millis(s.min)}–${millis(s.max)}`;

function guestRows(r: ColdStartResult): Cell[][] {
  const guest = `${r.guest.label} (${r.guest.size.toLocaleString('en-US')} B)`;
  const fresh = `${r.trials} fresh processes`;
  const steps = [r.readInfoMs, r.instrumentMs, r.compileMs, r.instantiateMs];
  const rest = r.readyMs.median - steps.reduce((sum, s) => sum + s.median, 0);
  const targeted = r.guest.key === 'large';
  return [
    [
      guest, 'compile + first instance (createMiddleware → ready)', millis(r.readyMs.median), range(r.readyMs), fresh,
      targeted ? `≤ ${millis(LARGE_GUEST_COLD_START_MAX_MS)}` : '', targeted ? verdict(r.readyMs.median <= LARGE_GUEST_COLD_START_MAX_MS) : '',
    ],
    [guest, '· read sections, imports, exports', millis(r.readInfoMs.median), range(r.readInfoMs), fresh, '', ''],
    [guest, '· instrument (fuel metering, memory cap)', millis(r.instrumentMs.median), range(r.instrumentMs), fresh, '', ''],
    [guest, '· WebAssembly.compile (V8 compiles lazily)', millis(r.compileMs.median), range(r.compileMs), fresh, '', ''],
    [guest, '· instantiate', millis(r.instantiateMs.median), range(r.instantiateMs), fresh, '', ''],
    [guest, '· the rest (ABI checks, host functions, pool: first run of that code)', millis(rest), '', 'total − the steps above', '', ''],
    [guest, 'first request after ready', millis(r.firstRequestMs.median), range(r.firstRequestMs), fresh, '', ''],
    [guest, 'compile + first instance, process already warm', millis(r.warmLoadMs), '', 'median of loads after warm-up loads', '', ''],
    [guest, 'each extra pool instance', millis(r.perInstanceMs), '', '33 requests held: (growing from 1 − grown) / 32', '', ''],
  ];
}

export function coldStartTable(results: readonly ColdStartResult[]): string {
  return markdownTable(header, results.flatMap(guestRows));
}
