/**
 * Times rows with mitata and estimates what one call allocates. mitata batches fast calls
 * (thousands per sample), so p50/p99 are over batch means: the p99 shows jitter between batches
 * (GC, the other core's noise), not the tail of a single call.
 */
import { getHeapSpaceStatistics } from 'node:v8';
import { measure } from 'mitata';
import { median } from '../stats.js';
import { checkCase, subjectFor, type InProcessCase, type Subject } from './cases.js';

export interface PreparedCase {
  readonly case: InProcessCase;
  readonly subject: Subject;
  readonly call: () => Promise<unknown>;
  /** Request body size, which sets how many calls one allocation trial can hold. */
  readonly bodyBytes: number;
}

export interface Timing {
  readonly p50Ns: number;
  readonly p99Ns: number;
}

/** Builds the middleware, checks the row does its job once, and returns the call to time. */
export async function prepareCase(c: InProcessCase): Promise<PreparedCase> {
  const subject = await subjectFor(c);
  await checkCase(c, subject);
  const { request, downstream } = c;
  const bodyBytes = request.hasBody ? (await request.readBody(Infinity)).length : 0;
  return { case: c, subject, call: () => subject.handle(request, downstream), bodyBytes };
}

export async function timeCase(p: PreparedCase, cpuTimeMs: number): Promise<Timing> {
  const stats = await measure(p.call, { min_cpu_time: cpuTimeMs * 1e6 });
  return { p50Ns: stats.p50, p99Ns: stats.p99 };
}

const gc = (globalThis as { gc?: () => void }).gc;

/**
 * Bytes in the young generation plus ArrayBuffer memory. Per-request garbage is born young; the
 * old and code spaces are left out because JIT compilation and promotion land there.
 */
function allocated(): number {
  let young = 0;
  for (const space of getHeapSpaceStatistics()) {
    if (space.space_name === 'new_space' || space.space_name === 'new_large_object_space') young += space.space_used_size;
  }
  return young + process.memoryUsage().arrayBuffers;
}

/**
 * What one call allocates; undefined without --expose-gc. After a full GC the young generation is
 * empty, so its growth over a short run of calls is what they allocated. A trial that a scavenge
 * interrupted shows a drop and is thrown away; the figure is the median of the rest.
 */
export async function bytesPerCall(p: PreparedCase): Promise<number | undefined> {
  if (!gc) return undefined;
  // Large bodies allocate about their size per call: fewer calls keep a trial scavenge-free.
  const calls = p.bodyBytes >= 512 * 1024 ? 4 : p.bodyBytes >= 32 * 1024 ? 16 : 100;
  const perTrial: number[] = [];
  for (let t = 0; t < 15; t++) {
    gc();
    const before = allocated();
    for (let i = 0; i < calls; i++) await p.call();
    const grew = allocated() - before;
    if (grew > 0) perTrial.push(grew / calls);
  }
  return perTrial.length ? median(perTrial) : undefined;
}
