/**
 * Random structured programs (nested loops, blocks, br_if, br_table, calls, traps), plain and as
 * binaryen's optimiser reshapes them, compute the same results once instrumented.
 */
import binaryen from 'binaryen';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instrumentGuest } from '../../src/wasm/instrument/index.js';
import { FuelHost, outcome, wat } from './wasm-harness.js';

/** A small deterministic generator, so fast-check's seed fully describes a program. */
function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return (n: number) => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) % n;
  };
}

const BINOPS = ['i32.add', 'i32.sub', 'i32.mul', 'i32.xor', 'i32.and', 'i32.or', 'i32.shl', 'i32.shr_u', 'i32.rotl', 'i32.div_u', 'i32.rem_s'];

function program(seed: number): string {
  const pick = rng(seed);
  const functions = 1 + pick(4);
  const out: string[] = [];
  for (let f = 0; f < functions; f++) {
    const locals: string[] = [];
    let labels = 0;
    const expr = (depth: number): string => {
      const k = pick(depth > 2 ? 2 : 6);
      if (k === 0) return `(i32.const ${pick(2000) - 1000})`;
      if (k === 1) return `(local.get ${['$a', '$b', '$x', '$y'][pick(4)]})`;
      if (k === 2 || k === 3) return `(${BINOPS[pick(BINOPS.length)]} ${expr(depth + 1)} ${expr(depth + 1)})`;
      if (k === 4) return `(select ${expr(depth + 1)} ${expr(depth + 1)} ${expr(depth + 1)})`;
      // Calls only go to later functions, so every program terminates.
      return f + 1 < functions ? `(call $f${f + 1 + pick(functions - f - 1)} ${expr(depth + 1)} ${expr(depth + 1)})` : '(i32.const 7)';
    };
    const stmts = (depth: number): string => Array.from({ length: 1 + pick(3) }, () => stmt(depth)).join('\n');
    const stmt = (depth: number): string => {
      const k = depth > 2 ? pick(2) : pick(6);
      const target = ['$x', '$y'][pick(2)];
      if (k <= 1) return `(local.set ${target} ${expr(0)})`;
      if (k === 2) return `(if ${expr(0)} (then ${stmts(depth + 1)}) (else ${stmts(depth + 1)}))`;
      const l = labels++;
      if (k === 3) {
        const counter = `$i${l}`;
        locals.push(counter);
        return `(local.set ${counter} (i32.const 0))
          (block $out${l} (loop $loop${l}
            (br_if $out${l} (i32.ge_u (local.get ${counter}) (i32.const ${1 + pick(6)})))
            ${stmts(depth + 1)}
            (local.set ${counter} (i32.add (local.get ${counter}) (i32.const 1)))
            (br $loop${l})))`;
      }
      if (k === 4) return `(block $blk${l} ${stmts(depth + 1)} (br_if $blk${l} ${expr(0)}) ${stmts(depth + 1)})`;
      return `(block $c${l} (block $b${l} (block $a${l}
          (br_table $a${l} $b${l} $c${l} (i32.and ${expr(0)} (i32.const 3))))
          ${stmts(depth + 1)} (br $c${l}))
        ${stmts(depth + 1)})`;
    };
    const body = stmts(0);
    out.push(`(func $f${f} (export "f${f}") (param $a i32) (param $b i32) (result i32) (local $x i32) (local $y i32)
      ${locals.map((l) => `(local ${l} i32)`).join(' ')}
      ${body}
      (i32.add (local.get $x) (local.get $y)))`);
  }
  return `(module ${out.join('\n')})`;
}

function optimised(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  const mod = binaryen.readBinary(bytes);
  try {
    binaryen.setOptimizeLevel(3);
    mod.optimize();
    return mod.emitBinary() as Uint8Array<ArrayBuffer>;
  } finally {
    mod.dispose();
  }
}

async function sameResults(bytes: Uint8Array<ArrayBuffer>, args: [number, number][]): Promise<void> {
  const instrumented = instrumentGuest(bytes, { fuel: true }).bytes;
  expect(WebAssembly.validate(instrumented)).toBe(true);
  const plain = (await WebAssembly.instantiate(bytes)).instance;
  const metered = await new FuelHost(1000).instantiate(instrumented);
  for (const name of Object.keys(plain.exports)) {
    for (const [a, b] of args) expect(outcome(metered, name, a, b), name).toEqual(outcome(plain, name, a, b));
  }
}

describe('random programs', () => {
  it('compute the same results instrumented, as written and optimised by binaryen', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer(), fc.array(fc.tuple(fc.integer(), fc.integer()), { minLength: 1, maxLength: 4 }), async (seed, args) => {
        const bytes = wat(program(seed));
        await sameResults(bytes, args);
        await sameResults(optimised(bytes), args);
      }),
      { numRuns: 40 },
    );
  });
});
