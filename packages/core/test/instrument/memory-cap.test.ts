/** maxMemoryPages: defined memories stop growing at the cap; imported ones are not the guest's to cap. */
import { describe, expect, it } from 'vitest';
import { InstrumentError, instrumentGuest } from '../../src/wasm/instrument/index.js';
import { readModuleInfo } from '../../src/wasm/module-info.js';
import { FuelHost, wat } from './wasm-harness.js';

const grower = (memory: string) => wat(`(module
  ${memory}
  (func (export "grow") (param i32) (result i32) (memory.grow (local.get 0)))
  (func (export "size") (result i32) (memory.size)))`);

type Grower = { grow(n: number): number; size(): number; memory?: WebAssembly.Memory };

describe('memory cap', () => {
  it('memory.grow past the cap returns -1 inside the guest', async () => {
    const { bytes, memoryCapped } = instrumentGuest(grower('(memory 1)'), { fuel: false, maxMemoryPages: 4 });
    expect(memoryCapped).toBe(true);
    const g = (await WebAssembly.instantiate(bytes)).instance.exports as unknown as Grower;
    expect(g.grow(2)).toBe(1);
    expect(g.grow(2)).toBe(-1);
    expect(g.grow(1)).toBe(3);
    expect(g.size()).toBe(4);
    expect(g.grow(1)).toBe(-1);
  });

  it('keeps a lower maximum, adds one where there was none, and keeps shared memories shared', () => {
    const max = (memory: string) => readModuleInfo(instrumentGuest(grower(memory), { fuel: false, maxMemoryPages: 16 }).bytes).memories;
    expect(max('(memory 1 2)')).toEqual([{ minPages: 1, maxPages: 2, imported: false }]);
    expect(max('(memory 1 100)')).toEqual([{ minPages: 1, maxPages: 16, imported: false }]);
    expect(max('(memory 16)')).toEqual([{ minPages: 16, maxPages: 16, imported: false }]);
    const shared = instrumentGuest(grower('(memory 1 1000 shared)'), { fuel: false, maxMemoryPages: 16 }).bytes;
    expect(WebAssembly.validate(shared)).toBe(true);
    expect(readModuleInfo(shared).memories[0].maxPages).toBe(16);
  });

  it('rejects a module whose memory starts above the cap, naming both sizes', () => {
    const attempt = () => instrumentGuest(grower('(memory 300)'), { fuel: true, maxMemoryPages: 256 });
    expect(attempt).toThrow(InstrumentError);
    expect(attempt).toThrow('memory 0 needs at least 300 pages (18.75 MiB) at start, above the cap of 256 pages (16 MiB)');
    try {
      attempt();
    } catch (e) {
      expect((e as InstrumentError).failure).toBe('memory-exceeds-cap');
      expect((e as InstrumentError).code).toBe('DAPR_WASM_INSTRUMENT');
      expect((e as InstrumentError).culprit).toBe('memory 0');
    }
  });

  it('leaves imported memories alone', () => {
    const imported = grower('(import "env" "memory" (memory 1))');
    const result = instrumentGuest(imported, { fuel: false, maxMemoryPages: 2 });
    expect(result.memoryCapped).toBe(false);
    expect(result.bytes).toEqual(imported);
  });

  it('combines with fuel metering', async () => {
    const { bytes, fuel, memoryCapped } = instrumentGuest(grower('(memory 1)'), { fuel: true, maxMemoryPages: 3 });
    expect([fuel, memoryCapped]).toEqual([true, true]);
    const g = (await new FuelHost().instantiate(bytes)).exports as unknown as Grower;
    expect(g.grow(2)).toBe(1);
    expect(g.grow(1)).toBe(-1);
  });

  it('refuses a cap that is not a page count', () => {
    expect(() => instrumentGuest(grower('(memory 1)'), { fuel: false, maxMemoryPages: 1.5 })).toThrow(RangeError);
  });
});
