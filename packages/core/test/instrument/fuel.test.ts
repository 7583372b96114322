/** The fuel ABI: what is charged, when the host is asked, and that a stuck guest can be stopped. */
import { describe, expect, it } from 'vitest';
import {
  FUEL_GLOBAL_EXPORT, FUEL_IMPORT_MODULE, FUEL_IMPORT_NAME, instrumentGuest,
} from '../../src/wasm/instrument/index.js';
import { readModuleInfo } from '../../src/wasm/module-info.js';
import { FuelHost, OutOfFuel, wat } from './wasm-harness.js';

const guest = wat(`(module
  (func (export "spin") (loop $forever (br $forever)))
  (func (export "count") (param $n i32) (result i32) (local $i i32)
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $n)))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.get $i))
  (func $down (export "down") (param $n i32) (result i32)
    (if (result i32) (i32.eqz (local.get $n))
      (then (i32.const 0))
      (else (i32.add (i32.const 1) (call $down (i32.sub (local.get $n) (i32.const 1)))))))
  (func (export "nothing"))
)`);
const metered = instrumentGuest(guest, { fuel: true }).bytes;

type Exports = { spin(): void; count(n: number): number; down(n: number): number; nothing(): void };
async function start(budget: number, refills = Infinity) {
  const host = new FuelHost(budget, refills);
  const exports = (await host.instantiate(metered)).exports as unknown as Exports;
  return { host, exports };
}

describe('fuel metering', () => {
  it('declares the import and the exported global the host drives', () => {
    const info = readModuleInfo(metered);
    expect(info.imports).toEqual([
      { module: FUEL_IMPORT_MODULE, name: FUEL_IMPORT_NAME, kind: 'function', type: { params: [], results: [] } },
    ]);
    expect(info.exports.find((e) => e.name === FUEL_GLOBAL_EXPORT)?.kind).toBe('global');
    expect(instrumentGuest(guest, { fuel: true }).fuel).toBe(true);
  });

  it('an infinite loop keeps asking the host, and stops when the host throws', async () => {
    const { host, exports } = await start(1000, 50);
    expect(() => exports.spin()).toThrow(OutOfFuel);
    expect(host.outOfFuelCalls).toBe(51);
  });

  it('charges one unit per loop iteration, plus one per call', async () => {
    const { host, exports } = await start(1_000_000);
    expect(exports.count(1000)).toBe(1000);
    // 1001 loop headers (the last one exits) and the function entry.
    expect(1_000_000 - host.fuel).toBe(1002);
    expect(host.outOfFuelCalls).toBe(0);
  });

  it('charges a deep recursion without loops, one unit per call', async () => {
    const { host, exports } = await start(1_000_000);
    expect(exports.down(5000)).toBe(5000);
    expect(1_000_000 - host.fuel).toBe(5001);

    const starved = await start(100, 3);
    expect(() => starved.exports.down(5000)).toThrow(OutOfFuel);
    expect(starved.host.outOfFuelCalls).toBe(4);
  });

  it('asks the host as soon as the budget is spent, and goes on when it refills', async () => {
    const { host, exports } = await start(10);
    expect(exports.count(100)).toBe(100);
    // 102 units at 11 checks per refill (the check that goes negative calls the host).
    expect(host.outOfFuelCalls).toBe(Math.floor(102 / 11));
  });

  it('starts with no fuel, so a call the host did not budget for goes straight to out_of_fuel', async () => {
    let asked = 0;
    const { instance } = await WebAssembly.instantiate(metered, {
      [FUEL_IMPORT_MODULE]: { [FUEL_IMPORT_NAME]: () => void asked++ },
    });
    expect((instance.exports[FUEL_GLOBAL_EXPORT] as WebAssembly.Global).value).toBe(0);
    (instance.exports.nothing as () => void)();
    expect(asked).toBe(1);
  });

  it('leaves the module as it is when asked for nothing', () => {
    expect(instrumentGuest(guest, { fuel: false })).toEqual({ bytes: guest, fuel: false, memoryCapped: false });
  });
});
