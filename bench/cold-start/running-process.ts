/**
 * Loads in a process that is already running guests, run in a fresh process by suite.ts:
 * `running-process.ts <guest file> <loads>`. No forced GC between loads: V8 treats a gc() call as
 * a reason to shed memory and throws away the instrumenter's optimised code with it, which makes
 * every load cold again (about 10× slower to instrument the large guest). The instrumenter and the core are warm (optimised by
 * earlier loads); only the guest is new. Reports:
 * - a fresh guest's load until `ready`, the median over `loads` loads after as many warm-up loads;
 * - the cost of one more pool instance: `ready` with 33 warm instances against 1 on cached bytes
 *   (no compile either way), the difference of the medians over 32, as the pool pays it when it
 *   grows.
 */
import { readFileSync } from 'node:fs';
import { createMiddleware } from '@dapr-wasm/core';
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

async function readyMs(bytes: Uint8Array, instances: number): Promise<number> {
  const t0 = performance.now();
  const mw = createMiddleware({ bytes, name: file, poolSize: instances, warmInstances: instances });
  await mw.ready;
  const ms = performance.now() - t0;
  if (mw.stats().size !== instances) throw new Error(`pool holds ${mw.stats().size} instances, wanted ${instances}`);
  await mw.close();
  return ms;
}

const fresh: number[] = [];
for (let i = 0; i < 2 * loads; i++) {
  const ms = await readyMs(freshBytes(original, nonce()), 1);
  if (i >= loads) fresh.push(ms);
}

const one: number[] = [];
const many: number[] = [];
for (let i = 0; i < loads; i++) {
  one.push(await readyMs(original, 1));
  many.push(await readyMs(original, 1 + EXTRA));
}

const result: RunningProcessTrial = { warmLoadMs: median(fresh), perInstanceMs: (median(many) - median(one)) / EXTRA };
report(result);
