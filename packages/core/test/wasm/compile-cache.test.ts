/**
 * Guests are compiled once per process, keyed by their exact bytes and limits: equal bytes in
 * another buffer share the compile, a buffer the caller changes afterwards does not.
 */
import { describe, expect, it } from 'vitest';
import { compileCached } from '../../src/wasm/compile-cache.js';
import { wat } from '../wat.js';

const guest = (n: number) => wat(`(module (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const ${n}))
  (func (export "handle_response") (param i32 i32)))`);
const limits = { fuel: true, maxMemoryPages: 16 };

describe('compileCached', () => {
  it('shares one compile between equal bytes, even in another buffer', async () => {
    const a = await guest(1);
    const first = compileCached(a, 'a', limits);
    expect(compileCached(new Uint8Array(a), 'copy', limits)).toBe(first);
    await first;
  });

  it('compiles again when the limits differ', async () => {
    const a = await guest(1);
    expect(compileCached(a, 'a', { fuel: false })).not.toBe(compileCached(a, 'a', limits));
  });

  it('keeps its own copy: bytes the caller changes afterwards are a different guest', async () => {
    const buffer = await guest(2);
    const before = compileCached(buffer, 'before', limits);
    const other = await guest(3); // same length, one constant apart
    expect(other.length).toBe(buffer.length);
    buffer.set(other);
    const after = compileCached(buffer, 'after', limits);
    expect(after).not.toBe(before);
    // The first entry still answers for the original bytes.
    expect(compileCached(await guest(2), 'again', limits)).toBe(before);
    await Promise.all([before, after]);
  });

  it('forgets a failed compile, so a fixed file is tried again', async () => {
    const bad = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, 0x05]);
    const first = compileCached(bad, 'bad', limits);
    await expect(first).rejects.toThrow();
    expect(compileCached(bad, 'bad', limits)).not.toBe(first);
    await expect(compileCached(bad, 'bad', limits)).rejects.toThrow();
  });
});
