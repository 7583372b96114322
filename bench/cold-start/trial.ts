/**
 * One cold-start trial, run in a fresh process by trials.ts: `trial.ts <public|phases> <guest file>`.
 *
 * - public: what an app sees. `createMiddleware({ bytes })` until `ready` (read, instrument, compile,
 *   checks, first instance), then the first request, which also pays V8's lazy compile of every
 *   function it runs. The request must come out rewritten.
 * - phases: the same load taken apart, in the core's order, each step the first of its kind in
 *   its process: reading the module's sections and exports,
 *   instrumenting, WebAssembly.compile of the instrumented bytes, instantiation.
 */
import { readFileSync } from 'node:fs';
import { createMiddleware, readModuleInfo, type ForwardedRequest } from '@dapr-wasm/core';
// The instrumenter is internal to the core; it is timed on its own only here.
import { instrumentGuest } from '../../packages/core/src/wasm/instrument/index.js';
import { streamedDownstream, syntheticRequest } from '../in-process/synthetic.js';
import { freshBytes, nonce } from './fresh-bytes.js';
import { report } from './fresh-process.js';
import { DEFAULT_LIMITS } from './limits.js';

export interface PublicTrial {
  readonly readyMs: number;
  readonly firstRequestMs: number;
}

export interface PhasesTrial {
  readonly readInfoMs: number;
  readonly instrumentMs: number;
  readonly compileMs: number;
  readonly instantiateMs: number;
}

const [mode, file] = process.argv.slice(2);
const bytes = freshBytes(new Uint8Array(readFileSync(file)), nonce());

async function publicTrial(): Promise<PublicTrial> {
  const t0 = performance.now();
  const mw = createMiddleware({ bytes, name: file, poolSize: 1, warmInstances: 1 });
  await mw.ready;
  const t1 = performance.now();
  let forwarded: ForwardedRequest | undefined;
  const outcome = await mw.handle(syntheticRequest(), (f) => ((forwarded = f), streamedDownstream(f)));
  const t2 = performance.now();
  await mw.close();
  if (outcome.kind !== 'sent' || forwarded?.uri !== '/v1/items/42?view=full' || forwarded.responseHeaders?.values('x-rewritten')[0] !== '1') {
    throw new Error(`the guest did not rewrite its first request: ${outcome.kind}, uri ${forwarded?.uri}`);
  }
  return { readyMs: t1 - t0, firstRequestMs: t2 - t1 };
}

/** Imports that satisfy the linker only: instantiation costs the same whatever they do. */
function stubImports(module: WebAssembly.Module): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ImportValue>> = {};
  for (const i of WebAssembly.Module.imports(module)) {
    if (i.kind !== 'function') throw new Error(`cannot stub import ${i.module}.${i.name} (${i.kind})`);
    (imports[i.module] ??= {})[i.name] = () => {};
  }
  return imports;
}

async function phasesTrial(): Promise<PhasesTrial> {
  const t1 = performance.now();
  const info = readModuleInfo(bytes);
  const t2 = performance.now();
  const instrumented = instrumentGuest(bytes, DEFAULT_LIMITS).bytes;
  const t3 = performance.now();
  const module = await WebAssembly.compile(instrumented);
  const t4 = performance.now();
  const instance = await WebAssembly.instantiate(module, stubImports(module));
  const t5 = performance.now();
  if (info.exports.length === 0 || !(instance.exports.memory instanceof WebAssembly.Memory)) throw new Error('the guest lost its exports');
  return { readInfoMs: t2 - t1, instrumentMs: t3 - t2, compileMs: t4 - t3, instantiateMs: t5 - t4 };
}

report(mode === 'phases' ? await phasesTrial() : await publicTrial());
