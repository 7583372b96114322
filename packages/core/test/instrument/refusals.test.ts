/** What the instrumenter refuses, and how it says so. */
import { describe, expect, it } from 'vitest';
import { InstrumentError, instrumentGuest } from '../../src/wasm/instrument/index.js';
import { body, module, name, section, vec } from './binary-builder.js';
import { wat } from './wasm-harness.js';

/** One imported function, then two defined ones; the second holds `code`. */
const withCode = (code: number[]) => module(
  section(1, vec([[0x60, 0, 0]])),
  section(2, vec([[...name('env'), ...name('f'), 0x00, 0]])),
  section(3, vec([[0], [0]])),
  section(10, vec([body([0x01]), body(code)])),
);

/** As withCode, but the second body stops right after `code`, with no `end` to absorb a cut. */
const withBodyEndingIn = (code: number[]) => {
  const content = [0, 0x01, ...code];
  return module(
    section(1, vec([[0x60, 0, 0]])),
    section(2, vec([[...name('env'), ...name('f'), 0x00, 0]])),
    section(3, vec([[0], [0]])),
    section(10, vec([body([0x01]), [content.length, ...content]])),
  );
};

function failure(bytes: Uint8Array): InstrumentError {
  try {
    instrumentGuest(bytes, { fuel: true });
  } catch (e) {
    expect(e).toBeInstanceOf(InstrumentError);
    return e as InstrumentError;
  }
  throw new Error('expected instrumentGuest to throw');
}

describe('refusals', () => {
  it.each([
    ['an unassigned opcode', [0x27], '0x27'],
    ['a GC instruction (0xFB prefix)', [0xfb, 0x01, 0x00], '0xfb'],
    ['an unknown 0xFC instruction', [0xfc, 0x12], '0xfc 18'],
    ['a SIMD gap (0xFD 154)', [0xfd, 0x9a, 0x01], '0xfd 154'],
    ['an unknown atomic (0xFE 0x04)', [0xfe, 0x04], '0xfe 4'],
  ])('names %s and the function using it', (_, code, opcode) => {
    const e = failure(withCode([0x01, ...code]));
    expect(e.failure).toBe('unknown-opcode');
    expect(e.culprit).toBe('function 2');
    expect(e.message).toBe(`cannot instrument guest: function 2 uses an unknown opcode ${opcode} (at byte 2 of its body)`);
  });

  it('refuses a guest instrumented already', () => {
    const once = instrumentGuest(wat('(module (func (export "f")))'), { fuel: true }).bytes;
    expect(failure(once).failure).toBe('already-instrumented');
  });

  it('refuses truncated or malformed modules', () => {
    const good = wat('(module (func (export "f") (loop (br 0))))');
    expect(failure(good.subarray(0, good.length - 3)).failure).toBe('malformed');
    // A body whose last instruction runs past its declared size.
    expect(failure(withCode([0x44])).failure).toBe('malformed'); // f64.const wants 8 bytes
    expect(() => instrumentGuest(new Uint8Array([1, 2, 3]), { fuel: true })).toThrow(InstrumentError);
  });

  // The common instructions are stepped over by a fast path; cut short, each must still be
  // refused as the full decoder refuses it, never read past its body nor copied half.
  it.each([
    ['i32.const with an unfinished LEB128', [0x41, 0x80]],
    ['local.get without its index', [0x20]],
    ['i32.load without its offset', [0x28, 0x02]],
    ['i32.store with an unfinished offset', [0x36, 0x02, 0xff]],
    ['block without its type', [0x02]],
    ['loop without its type', [0x03]],
    ['call without its index', [0x10]],
    ['call with an unfinished index', [0x10, 0x81]],
    ['f32.const with two of its four bytes', [0x43, 0x00, 0x00]],
    ['memory.fill without its memory index', [0xfc, 0x0b]],
    ['br_table cut short', [0x0e, 0x02, 0x00]],
  ])('refuses a body ending in %s', (_, code) => {
    const e = failure(withBodyEndingIn(code));
    expect(e.failure).toBe('malformed');
    expect(e.culprit).toBe('function 2');
  });

  it('refuses GC type definitions', () => {
    const gc = module(section(1, vec([[0x5f, 0]])));
    expect(failure(gc).message).toMatch(/GC types are not supported/);
  });
});
