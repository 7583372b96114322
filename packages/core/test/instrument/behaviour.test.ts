/**
 * Instrumented guests validate and compute what the originals compute, across the features the
 * rewriter must step over or renumber.
 */
import { describe, expect, it } from 'vitest';
import { readModuleInfo } from '../../src/wasm/module-info.js';
import { outcome, pair, wat } from './wasm-harness.js';

/** Calls each export with each argument list on both instances and compares the outcomes. */
async function sameResults(text: string, calls: [name: string, ...args: unknown[]][], imports?: () => WebAssembly.Imports) {
  const { plain, metered, instrumented } = await pair(wat(text), imports);
  expect(WebAssembly.validate(instrumented)).toBe(true);
  for (const [name, ...args] of calls) {
    expect(outcome(metered, name, ...args), `${name}(${args.join(', ')})`).toEqual(outcome(plain, name, ...args));
  }
  return { plain, metered };
}

describe('instrumented guests compute the same results', () => {
  it('direct, imported and indirect calls; ref.func in element segments and globals; a start function', async () => {
    const text = `(module
      (import "env" "twice" (func $twice (param i32) (result i32)))
      (type $bin (func (param i32 i32) (result i32)))
      (table $t (export "table") 8 funcref)
      (elem (i32.const 0) $add $sub)
      (elem $later func $mul $twice_plus)
      (elem declare func $sub)
      (elem (i32.const 2) funcref (ref.func $mul) (ref.null func))
      (global $fref funcref (ref.func $twice_plus))
      (global $started (mut i32) (i32.const 0))
      (func $add (type $bin) (i32.add (local.get 0) (local.get 1)))
      (func $sub (type $bin) (i32.sub (local.get 0) (local.get 1)))
      (func $mul (type $bin) (i32.mul (local.get 0) (local.get 1)))
      (func $twice_plus (type $bin) (i32.add (call $twice (local.get 0)) (local.get 1)))
      (func $init (global.set $started (i32.add (global.get $started) (i32.const 42))))
      (start $init)
      (func (export "direct") (param i32 i32) (result i32) (call $add (local.get 0) (local.get 1)))
      (func (export "imported") (param i32) (result i32) (call $twice (local.get 0)))
      (func (export "indirect") (param i32 i32 i32) (result i32)
        (call_indirect $t (type $bin) (local.get 0) (local.get 1) (local.get 2)))
      (func (export "passive") (param i32 i32) (result i32)
        (table.init $t $later (i32.const 4) (i32.const 0) (i32.const 2))
        (call_indirect $t (type $bin) (local.get 0) (local.get 1) (i32.const 5)))
      (func (export "from_global") (param i32 i32) (result i32)
        (table.set $t (i32.const 6) (global.get $fref))
        (call_indirect $t (type $bin) (local.get 0) (local.get 1) (i32.const 6)))
      (func (export "ref_func") (param i32 i32) (result i32)
        (table.set $t (i32.const 7) (ref.func $sub))
        (call_indirect $t (type $bin) (local.get 0) (local.get 1) (i32.const 7)))
      (func (export "started") (result i32) (global.get $started))
      (export "mul" (func $mul))
    )`;
    const imports = () => ({ env: { twice: (x: number) => 2 * x } });
    const { plain, metered } = await sameResults(text, [
      ['direct', 2, 3], ['imported', 21], ['indirect', 7, 2, 0], ['indirect', 7, 2, 1], ['indirect', 7, 2, 2],
      ['indirect', 7, 2, 3], ['passive', 6, 7], ['from_global', 5, 1], ['ref_func', 9, 4], ['started'], ['mul', 6, 7],
    ], imports);
    // Table slots hold the same functions.
    const table = (i: WebAssembly.Instance) => i.exports.table as WebAssembly.Table;
    for (let slot = 0; slot < 8; slot++) {
      const a = table(plain).get(slot);
      const b = table(metered).get(slot);
      expect(b === null, `slot ${slot}`).toBe(a === null);
      if (a && b) expect(b(9, 4)).toBe(a(9, 4));
    }
  });

  it('loops nested in blocks, br_if and br_table', async () => {
    await sameResults(`(module
      (func $collatz (export "collatz") (param $n i32) (result i32) (local $steps i32)
        (block $done
          (loop $next
            (br_if $done (i32.le_u (local.get $n) (i32.const 1)))
            (local.set $steps (i32.add (local.get $steps) (i32.const 1)))
            (if (i32.and (local.get $n) (i32.const 1))
              (then (local.set $n (i32.add (i32.mul (local.get $n) (i32.const 3)) (i32.const 1))))
              (else (local.set $n (i32.shr_u (local.get $n) (i32.const 1)))))
            (br $next)))
        (local.get $steps))
      (func (export "machine") (param $input i32) (result i32) (local $state i32) (local $acc i32) (local $i i32)
        (loop $step
          (block $c (block $b (block $a
            (br_table $a $b $c (i32.rem_u (i32.add (local.get $state) (local.get $i)) (i32.const 3))))
            (local.set $acc (i32.add (local.get $acc) (i32.const 1))) (br $c))
            (local.set $acc (i32.mul (local.get $acc) (i32.const 3))) (br $c))
          (local.set $state (i32.xor (local.get $state) (local.get $input)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $step (i32.lt_u (local.get $i) (i32.const 50))))
        (local.get $acc))
      (func (export "nested") (param $n i32) (result i64) (local $i i32) (local $j i32) (local $sum i64)
        (block $outer (loop $rows
          (br_if $outer (i32.ge_u (local.get $i) (local.get $n)))
          (local.set $j (i32.const 0))
          (block $inner (loop $cols
            (br_if $inner (i32.ge_u (local.get $j) (local.get $i)))
            (local.set $sum (i64.add (local.get $sum) (i64.extend_i32_u (i32.mul (local.get $i) (local.get $j)))))
            (local.set $j (i32.add (local.get $j) (i32.const 1)))
            (br $cols)))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br $rows)))
        (local.get $sum))
    )`, [['collatz', 27], ['collatz', 97], ['machine', 5], ['machine', 1234], ['nested', 100]]);
  });

  it('multi-value blocks and loops with type-index block types, select t, constants of every width', async () => {
    await sameResults(`(module
      (type $pair (func (param i32 i32) (result i32 i32)))
      (type $fold (func (param i64 i32) (result i64)))
      (func $swap (export "swap") (param i32 i32) (result i32 i32) (local.get 1) (local.get 0))
      (type $acc (func (param i64) (result i64)))
      (func (export "fib") (param $n i32) (result i64)
        i64.const 0
        local.get $n
        loop $l (type $fold) (param i64 i32) (result i64)
          local.set $n
          local.get $n
          i32.eqz
          if (type $acc) (param i64) (result i64)
          else
            i64.const 2
            i64.mul
            i64.const 1
            i64.add
            local.get $n
            i32.const 1
            i32.sub
            br $l
          end
        end)
      (func (export "pair") (param i32 i32) (result i32)
        (local.get 1) (local.get 0)
        (block (type $pair) (param i32 i32) (result i32 i32) (call $swap) (call $swap) (br 0))
        (i32.sub))
      (func (export "floats") (param f64) (result f64)
        (f64.add (local.get 0) (f64.promote_f32 (f32.const 1.5)))
        (f64.const -0x1.8p+3) (f64.mul))
      (func (export "sel") (param i32) (result i64)
        (select (result i64) (i64.const 0x7fffffffffffffff) (i64.const -9000000000000) (local.get 0)))
      (func (export "signext") (param i32) (result i32)
        (i32.add (i32.extend8_s (local.get 0)) (i32.extend16_s (local.get 0))))
      (func (export "sat") (param f64) (result i32) (i32.trunc_sat_f64_s (local.get 0)))
    )`, [['swap', 1, 2], ['fib', 10], ['pair', 10, 3], ['floats', 2.25], ['sel', 0], ['sel', 1],
      ['signext', 0x1ff80], ['sat', 1e20], ['sat', -3.7]]);
  });

  it('SIMD: v128.const, shuffle, lanes, loads and stores', async () => {
    await sameResults(`(module
      (memory (export "memory") 1)
      (data (i32.const 16) "\\01\\02\\03\\04\\05\\06\\07\\08\\09\\0a\\0b\\0c\\0d\\0e\\0f\\10")
      (func (export "dot") (param i32) (result i32) (local $v v128)
        (local.set $v (v128.load offset=16 align=1 (i32.const 0)))
        (local.set $v (i32x4.add (local.get $v) (v128.const i32x4 1 2 3 0x7fffffff)))
        (local.set $v (i8x16.shuffle 15 14 13 12 11 10 9 8 7 6 5 4 3 2 1 0 (local.get $v) (local.get $v)))
        (local.set $v (i32x4.replace_lane 2 (local.get $v) (local.get 0)))
        (v128.store offset=32 (i32.const 0) (local.get $v))
        (local.set $v (v128.load32_lane 1 (i32.const 20) (local.get $v)))
        (local.set $v (v128.load8_splat (i32.const 17)))
        (i32.add
          (i32x4.extract_lane 0 (i32x4.dot_i16x8_s (local.get $v) (v128.load offset=32 (i32.const 0))))
          (i32.add (i8x16.extract_lane_u 3 (v128.load offset=32 (i32.const 0))) (i8x16.bitmask (local.get $v)))))
      (func (export "sum_lanes") (param i32) (result f64) (local $acc v128) (local $i i32)
        (loop $l
          (local.set $acc (f64x2.add (local.get $acc) (f64x2.splat (f64.convert_i32_s (local.get $i)))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_s (local.get $i) (local.get 0))))
        (f64.add (f64x2.extract_lane 0 (local.get $acc)) (f64x2.extract_lane 1 (local.get $acc))))
    )`, [['dot', 7], ['dot', -1], ['sum_lanes', 1000]]);
  });

  it('bulk memory: passive data, memory.init, fill, copy, data.drop', async () => {
    await sameResults(`(module
      (memory 1)
      (data $hello "hello, world")
      (func (export "run") (param $n i32) (result i32) (local $i i32) (local $sum i32)
        (memory.fill (i32.const 0) (i32.const 7) (i32.const 64))
        (memory.init $hello (i32.const 8) (i32.const 0) (i32.const 12))
        (memory.copy (i32.const 100) (i32.const 4) (local.get $n))
        (data.drop $hello)
        (loop $l
          (local.set $sum (i32.add (local.get $sum) (i32.load8_u offset=100 (local.get $i))))
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (local.get $sum))
      (func (export "init_after_drop") (memory.init $hello (i32.const 0) (i32.const 0) (i32.const 1)))
    )`, [['run', 16], ['run', 30], ['init_after_drop']]);
  });

  it('atomics on a shared memory, and atomic.fence', async () => {
    await sameResults(`(module
      (memory 1 1 shared)
      (func (export "run") (param $n i32) (result i32) (local $i i32)
        (loop $l
          (drop (i32.atomic.rmw.add offset=8 (i32.const 0) (local.get $i)))
          (drop (i32.atomic.rmw8.xor_u (i32.const 3) (i32.const 0x5a)))
          (atomic.fence)
          (local.set $i (i32.add (local.get $i) (i32.const 1)))
          (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
        (drop (i32.atomic.rmw.cmpxchg (i32.const 16) (i32.const 0) (i32.const 77)))
        (i64.atomic.store (i32.const 24) (i64.const 5))
        (i32.add (i32.atomic.load offset=8 (i32.const 0))
          (i32.add (i32.atomic.load (i32.const 16))
            (i32.add (i32.wrap_i64 (i64.atomic.load (i32.const 24)))
              (i32.add (i32.atomic.load8_u (i32.const 3)) (memory.atomic.notify (i32.const 0) (i32.const 1)))))))
    )`, [['run', 100], ['run', 7]]);
  });

  it('tail calls: return_call and return_call_indirect run deep without a stack', async () => {
    await sameResults(`(module
      (type $step (func (param i32 i64) (result i64)))
      (table 1 funcref) (elem (i32.const 0) $odd_step)
      (func $sum (export "sum") (param $n i32) (param $acc i64) (result i64)
        (if (result i64) (i32.eqz (local.get $n))
          (then (local.get $acc))
          (else (return_call $sum (i32.sub (local.get $n) (i32.const 1)) (i64.add (local.get $acc) (i64.extend_i32_u (local.get $n)))))))
      (func $odd_step (type $step)
        (if (result i64) (i32.eqz (local.get 0))
          (then (local.get 1))
          (else (return_call $even_step (i32.sub (local.get 0) (i32.const 1)) (i64.add (local.get 1) (i64.const 1))))))
      (func $even_step (export "even") (type $step)
        (if (result i64) (i32.eqz (local.get 0))
          (then (local.get 1))
          (else (return_call_indirect (type $step) (i32.sub (local.get 0) (i32.const 1)) (local.get 1) (i32.const 0)))))
    )`, [['sum', 1_000_000, 0n], ['even', 500_001, 0n]]);
  });

  it('exception handling: try, catch, catch_all, throw, rethrow, delegate', async () => {
    await sameResults(`(module
      (tag $oops (param i32))
      (func $thrower (param i32) (if (local.get 0) (then (throw $oops (local.get 0)))))
      (func (export "run") (param i32) (result i32)
        (try (result i32)
          (do
            (try (do (call $thrower (local.get 0))) (delegate 0))
            (i32.const -1))
          (catch $oops (i32.add (i32.const 100)))))
      (func (export "rethrown") (param i32) (result i32)
        (try (result i32)
          (do (try (do (call $thrower (local.get 0))) (catch_all (rethrow 0))) (i32.const 0))
          (catch $oops)))
    )`, [['run', 0], ['run', 5], ['rethrown', 9]]);
  });

  it('keeps function names in the name section, renumbered', async () => {
    const bytes = wat(`(module
      (import "env" "f" (func $imported))
      (func $first (export "first") (call $second))
      (func $second (unreachable)))`);
    const { plain, metered } = await pair(bytes, () => ({ env: { f: () => {} } }));
    const trace = (i: WebAssembly.Instance) => {
      try {
        (i.exports.first as () => void)();
      } catch (e) {
        return String((e as Error).stack).split('\n').filter((l) => l.includes('wasm')).map((l) => /at (\S+)/.exec(l)?.[1]);
      }
    };
    expect(trace(metered)).toEqual(trace(plain));
    expect(trace(plain)).toEqual(['second', 'first']);
    expect(readModuleInfo(bytes).exports).toHaveLength(1);
  });
});
