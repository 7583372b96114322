/**
 * Loads in a process that is already running guests, run in a fresh process by suite.ts:
 * `running-process.ts <guest file> <loads>`. No forced GC between loads: with a gc() before each,
 * every load measured as slow as a cold one (the large guest's instrumenting about 10× slower). The instrumenter and the core are warm (optimised by
 * earlier loads); only the guest is new. Reports:
 * - a fresh guest's load until `ready`, the median over `loads` loads after as many warm-up loads;
 * - the cost of one more pool instance, as the pool pays it when it grows on the request path:
 *   33 requests held in the guest at once on a pool of one warm instance (32 instances created),
 *   against the same 33 on the same pool once it holds 33 (none created); the difference of the
 *   medians over 32. Compiling is out of it: the bytes are the compile cache's by then.
 */
import { readFileSync } from 'node:fs';
import { createMiddleware, type WasmMiddleware } from '@dapr-wasm/core';
import { streamedDownstream, syntheticRequest } from '../in-process/synthetic.js';
import { median } from '../stats.js';
import { freshBytes, nonce } from './fresh-bytes.js';
import { report } from './fresh-process.js';

export interface RunningProcessTrial {
  readonly warmLoadMs: number;
  readonly perInstanceMs: number;
}

const EXTRA = 32;
const [file, loadsArg] = process.argv.slice(2);
const loads = Number(loadsArg);
const original = new Uint8Array(readFileSync(file));

async function readyMs(bytes: Uint8Array): Promise<number> {
  const t0 = performance.now();
  const mw = createMiddleware({ bytes, name: file, poolSize: 1, warmInstances: 1 });
  await mw.ready;
  const ms = performance.now() - t0;
  await mw.close();
  return ms;
}

/** Time until `count` concurrent requests are all inside the guest (each holding an instance). */
async function allInside(mw: WasmMiddleware, count: number): Promise<number> {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let inside = 0;
  let allIn!: () => void;
  const allInPromise = new Promise<void>((r) => (allIn = r));
  const t0 = performance.now();
  const held = Array.from({ length: count }, () =>
    mw.handle(syntheticRequest(), async (f) => {
      if (++inside === count) allIn();
      await gate;
      return streamedDownstream(f);
    }),
  );
  await allInPromise;
  const ms = performance.now() - t0;
  release();
  for (const o of await Promise.all(held)) if (o.kind !== 'sent') throw new Error(`a held request ended ${o.kind}`);
  return ms;
}

const fresh: number[] = [];
for (let i = 0; i < 2 * loads; i++) {
  const ms = await readyMs(freshBytes(original, nonce()));
  if (i >= loads) fresh.push(ms);
}

const growing: number[] = [];
const grown: number[] = [];
// The first round warms the request path and is not counted.
for (let i = 0; i <= loads; i++) {
  const mw = createMiddleware({ bytes: original, name: file, poolSize: 1 + EXTRA, warmInstances: 1 });
  await mw.ready;
  const whileGrowing = await allInside(mw, 1 + EXTRA);
  if (mw.stats().size !== 1 + EXTRA) throw new Error(`pool holds ${mw.stats().size} instances, wanted ${1 + EXTRA}`);
  const onceGrown = await allInside(mw, 1 + EXTRA);
  if (i > 0) growing.push(whileGrowing), grown.push(onceGrown);
  if (mw.stats().created !== 1 + EXTRA) throw new Error(`pool created ${mw.stats().created} instances, wanted ${1 + EXTRA}`);
  await mw.close();
}

const result: RunningProcessTrial = { warmLoadMs: median(fresh), perInstanceMs: (median(growing) - median(grown)) / EXTRA };
report(result);
