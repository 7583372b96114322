/**
 * Proposals node 20 does not run: the decoder must still step over them exactly, so the rewritten
 * module is checked by validators that know them (wabt; binaryen for typed function references).
 */
import binaryen from 'binaryen';
import { describe, expect, it } from 'vitest';
import { instrumentGuest } from '../../src/wasm/instrument/index.js';
import { wabtValidate, wat } from './wasm-harness.js';

function instrumentedValidates(bytes: Uint8Array): Uint8Array {
  const out = instrumentGuest(bytes, { fuel: true, maxMemoryPages: 8 }).bytes;
  wabtValidate(out);
  return out;
}

function binaryenValidates(bytes: Uint8Array): boolean {
  const mod = binaryen.readBinary(bytes);
  try {
    mod.setFeatures(binaryen.Features.All);
    return !!mod.validate();
  } finally {
    mod.dispose();
  }
}

describe('proposals beyond what node 20 runs', () => {
  it('exception handling with try_table, every catch clause, and throw_ref', () => {
    instrumentedValidates(wat(`(module
      (tag $e (param i32))
      (func (export "run") (result i32)
        (block $h (result i32)
          (block $h2 (result i32 exnref)
            (block $h3
              (block $h4 (result exnref)
                (loop $again
                  (try_table (catch $e $h) (catch_ref $e $h2) (catch_all $h3) (catch_all_ref $h4)
                    (throw $e (i32.const 1))))
                (return (i32.const 0)))
              throw_ref)
            (return (i32.const 2)))
          drop)))`));
  });

  it('multi-memory: memory indices in memargs, memory.size/grow/copy/fill/init', () => {
    instrumentedValidates(wat(`(module
      (memory 1) (memory $b 2 4)
      (data $d "xyz")
      (func (export "run") (result i32)
        (memory.copy $b 0 (i32.const 0) (i32.const 0) (i32.const 1))
        (memory.fill $b (i32.const 0) (i32.const 1) (i32.const 1))
        (memory.init $b $d (i32.const 0) (i32.const 0) (i32.const 1))
        (i32.store8 $b offset=3 (i32.const 0) (i32.const 9))
        (drop (memory.grow $b (i32.const 1)))
        (loop $l (br_if $l (i32.eqz (memory.size $b))))
        (i32.add (i32.load $b offset=4 (i32.const 0)) (v128.any_true (v128.load $b (i32.const 0))))))`));
  });

  it('memory64: 64-bit addresses and offsets', () => {
    instrumentedValidates(wat(`(module
      (memory i64 1)
      (func (export "run") (result i32)
        (i64.store offset=0x100000000 (i64.const 0) (i64.const 1))
        (drop (memory.grow (i64.const 1)))
        (i32.load offset=0x100000000 (i64.const 0))))`));
  });

  it('relaxed SIMD', () => {
    instrumentedValidates(wat(`(module
      (func (export "run") (param v128 v128 v128) (result v128)
        (f32x4.relaxed_madd (local.get 0) (local.get 1)
          (i8x16.relaxed_laneselect (local.get 0) (local.get 1)
            (i32x4.relaxed_dot_i8x16_i7x16_add_s (local.get 0) (local.get 1) (i8x16.relaxed_swizzle (local.get 2) (local.get 0)))))))`));
  });

  it('extended constant expressions in global initialisers and element offsets', () => {
    instrumentedValidates(wat(`(module
      (import "env" "base" (global $base i32))
      (global i32 (i32.add (global.get $base) (i32.mul (i32.const 2) (i32.const 3))))
      (table 10 funcref)
      (func $f)
      (elem (offset (i32.sub (i32.const 5) (i32.const 2))) func $f))`));
  });

  it('typed function references: call_ref, return_call_ref, br_on_null, br_on_non_null, table initialisers', () => {
    const mod = binaryen.parseText(`(module
      (type $t (func (param i32) (result i32)))
      (import "env" "f" (func $imported (param i32) (result i32)))
      (func $f (type $t) (local.get 0))
      (elem declare func $f)
      (table $tab 2 (ref null $t) (ref.func $f))
      (global $g (ref null $t) (ref.func $f))
      (func (export "a") (param i32) (result i32) (call_ref $t (local.get 0) (ref.func $f)))
      (func (export "b") (param i32) (result i32) (return_call_ref $t (local.get 0) (global.get $g)))
      (func (export "c") (param (ref null $t)) (result i32) (local $x (ref null $t))
        (block $l (br_on_null $l (local.get 0)) (drop))
        (drop (block $m (result (ref $t)) (br_on_non_null $m (local.get 0)) (ref.as_non_null (ref.func $f))))
        (drop (loop $lp (result (ref null $t)) (local.get $x)))
        (call $imported (i32.const 0))))`);
    mod.setFeatures(binaryen.Features.All);
    const bytes = mod.emitBinary();
    mod.dispose();
    expect(binaryenValidates(bytes)).toBe(true);
    const out = instrumentGuest(bytes, { fuel: true }).bytes;
    expect(binaryenValidates(out)).toBe(true);
  });
});
