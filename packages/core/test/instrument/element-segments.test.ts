/**
 * All eight element segment encodings, assembled by hand so each flag value is certainly present,
 * keep naming the same functions after the fuel import shifts every defined function by one.
 */
import { describe, expect, it } from 'vitest';
import { instrumentGuest } from '../../src/wasm/instrument/index.js';
import {
  END, FUNCREF, I32_CONST, REF_FUNC, REF_NULL, body, module, name, section, uleb, vec,
} from './binary-builder.js';
import { FuelHost } from './wasm-harness.js';

const offset = (n: number) => [I32_CONST, ...uleb(n), END];
const refFunc = (f: number) => [REF_FUNC, ...uleb(f), END];
const TABLE_INIT = (segment: number, table: number) => [0xfc, 12, ...uleb(segment), ...uleb(table)];

// Function 0 is imported; 1..4 return their own number; 5 fills the passive segments in; 6 uses
// a declared function; 7 is the start function.
const bytes = module(
  section(1, vec([[0x60, 0, 1, 0x7f], [0x60, 0, 0]])),
  section(2, vec([[...name('env'), ...name('hundred'), 0x00, 0]])),
  section(3, vec([[0], [0], [0], [0], [1], [0], [1]])),
  section(4, vec([[FUNCREF, 0, 10], [FUNCREF, 0, 10]])),
  section(6, vec([
    [FUNCREF, 0, ...refFunc(4)],
    [0x7f, 1, I32_CONST, 0, END],
  ])),
  section(7, vec([
    [...name('t0'), 0x01, 0], [...name('t1'), 0x01, 1], [...name('init'), 0x00, 5], [...name('declared'), 0x00, 6],
    [...name('global_ref'), 0x03, 0], [...name('started'), 0x03, 1],
  ])),
  section(8, uleb(7)),
  section(9, vec([
    [0, ...offset(0), ...vec([[1], [2]])], // active, table 0, function indices
    [1, 0x00, ...vec([[3]])], // passive, function indices
    [2, ...uleb(1), ...offset(0), 0x00, ...vec([[4], [0]])], // active, table 1, function indices
    [3, 0x00, ...vec([[2]])], // declarative, function indices
    [4, ...offset(2), ...vec([refFunc(3), [REF_NULL, FUNCREF, END]])], // active, table 0, expressions
    [5, FUNCREF, ...vec([refFunc(4)])], // passive, expressions
    [6, ...uleb(1), ...offset(2), FUNCREF, ...vec([refFunc(1)])], // active, table 1, expressions
    [7, FUNCREF, ...vec([refFunc(3)])], // declarative, expressions
  ])),
  section(10, vec([
    body([I32_CONST, 1]), body([I32_CONST, 2]), body([I32_CONST, 3]), body([I32_CONST, 4]),
    body([I32_CONST, 5, I32_CONST, 0, I32_CONST, 1, ...TABLE_INIT(1, 0), I32_CONST, 5, I32_CONST, 0, I32_CONST, 1, ...TABLE_INIT(5, 1)]),
    body([REF_FUNC, 2, 0xd1, REF_FUNC, 3, 0xd1, 0x6a, 0x45]), // both non-null
    body([I32_CONST, 42, 0x24, 1]), // global.set 1
  ])),
);

async function run(wasm: Uint8Array<ArrayBuffer>, host?: FuelHost) {
  const imports = { env: { hundred: () => 100 } };
  const instance = host ? await host.instantiate(wasm, imports) : (await WebAssembly.instantiate(wasm, imports)).instance;
  const exports = instance.exports as Record<string, unknown>;
  (exports.init as () => void)();
  const slots = (t: WebAssembly.Table) => Array.from({ length: t.length }, (_, i) => (t.get(i) as (() => number) | null)?.() ?? null);
  return {
    t0: slots(exports.t0 as WebAssembly.Table),
    t1: slots(exports.t1 as WebAssembly.Table),
    declared: (exports.declared as () => number)(),
    globalRef: ((exports.global_ref as WebAssembly.Global).value as () => number)(),
    started: (exports.started as WebAssembly.Global).value,
  };
}

describe('element segments', () => {
  it('the hand-built module is valid and fills the tables as intended', async () => {
    expect(WebAssembly.validate(bytes)).toBe(true);
    expect(await run(bytes)).toEqual({
      t0: [1, 2, 3, null, null, 3, null, null, null, null],
      t1: [4, 100, 1, null, null, 4, null, null, null, null],
      declared: 1,
      globalRef: 4,
      started: 42,
    });
  });

  it('every encoding names the same functions after instrumentation', async () => {
    const instrumented = instrumentGuest(bytes, { fuel: true }).bytes;
    expect(WebAssembly.validate(instrumented)).toBe(true);
    expect(await run(instrumented, new FuelHost())).toEqual(await run(bytes));
  });
});
