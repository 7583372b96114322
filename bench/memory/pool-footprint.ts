/**
 * Memory of N pooled instances, run in a fresh process by suite.ts (with --expose-gc):
 * `pool-footprint.ts <guest file> <N>`. The process's figures are taken after a full GC before the
 * middleware exists and again with N instances warm, each having served one request (so each
 * instance's memory has been written to, as in service). The difference is what the guest costs;
 * across N it separates the per-instance part from the once-per-guest part (compiled code).
 */
import { readFileSync } from 'node:fs';
import { createMiddleware, type Outcome } from '@dapr-wasm/core';
import { streamedDownstream, syntheticRequest } from '../in-process/synthetic.js';
import { report } from '../cold-start/fresh-process.js';

export interface Footprint {
  readonly rss: number;
  readonly heapUsed: number;
  readonly external: number;
  readonly arrayBuffers: number;
}

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('pool-footprint.ts needs --expose-gc');
const [file, countArg] = process.argv.slice(2);
const count = Number(countArg);
const bytes = new Uint8Array(readFileSync(file));

function settled(): Footprint {
  gc!();
  const m = process.memoryUsage();
  return { rss: m.rss, heapUsed: m.heapUsed, external: m.external, arrayBuffers: m.arrayBuffers };
}

const before = settled();
const mw = createMiddleware({ bytes, name: file, poolSize: count, warmInstances: count });
await mw.ready;

// N requests held inside the guest at once: every instance serves one.
let release!: () => void;
const gate = new Promise<void>((r) => (release = r));
let entered = 0;
const held = Array.from({ length: count }, () =>
  mw.handle(syntheticRequest(), async (f) => {
    if (++entered === count) release();
    await gate;
    return streamedDownstream(f);
  }),
);
const outcomes: Outcome[] = await Promise.all(held);
if (outcomes.some((o) => o.kind !== 'sent') || entered !== count) throw new Error(`${entered} of ${count} requests went through the guest`);
if (mw.stats().size !== count) throw new Error(`pool holds ${mw.stats().size} instances, wanted ${count}`);

const after = settled();
const grew: Footprint = {
  rss: after.rss - before.rss,
  heapUsed: after.heapUsed - before.heapUsed,
  external: after.external - before.external,
  arrayBuffers: after.arrayBuffers - before.arrayBuffers,
};
report(grew);
