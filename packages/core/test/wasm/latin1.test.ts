/**
 * The remembered-strings table must never hand back a string for bytes that differ from it: same
 * length, same sampled bytes and same slot, one byte apart in the middle, is the case it must catch.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latin1At, latin1String } from '../../src/wasm/latin1.js';

const bytes = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const oneCharPerByte = (b: Uint8Array) => Array.from(b, (c) => String.fromCharCode(c)).join('');

describe('latin1At', () => {
  it('tells apart strings that share length and sampled bytes', () => {
    // First, middle and last bytes equal: the same slot, so only the full compare separates them.
    const a = bytes('/apa/xXm/1');
    const b = bytes('/apb/xXm/1');
    expect(latin1At(a, 0, a.length)).toBe('/apa/xXm/1');
    expect(latin1At(b, 0, b.length)).toBe('/apb/xXm/1');
    expect(latin1At(a, 0, a.length)).toBe('/apa/xXm/1');
  });

  it('reads at an offset and keeps every byte value, non-ASCII included', () => {
    const mem = new Uint8Array(300);
    for (let i = 0; i < 256; i++) mem[20 + i] = i;
    expect(latin1At(mem, 20, 256)).toBe(oneCharPerByte(mem.subarray(20, 276)));
    expect(latin1At(mem, 20 + 0x7e, 4)).toBe('\x7e\x7f\x80\x81');
    expect(latin1At(mem, 5, 0)).toBe('');
  });

  it('matches a one-char-per-byte decode for any bytes, repeated or not', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 100 }), { minLength: 1, maxLength: 30 }), (chunks) => {
        for (const chunk of [...chunks, ...chunks]) {
          const mem = new Uint8Array(chunk.length + 3);
          mem.set(chunk, 3);
          expect(latin1At(mem, 3, chunk.length)).toBe(oneCharPerByte(chunk));
        }
      }),
      { numRuns: 300 },
    );
  });

  it('latin1String decodes long non-ASCII input in pieces', () => {
    const big = new Uint8Array(10_000).map((_, i) => (i * 7) & 0xff);
    expect(latin1String(big)).toBe(oneCharPerByte(big));
  });
});
