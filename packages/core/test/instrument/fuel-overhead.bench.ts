/**
 * What fuel metering costs a guest, outside the test run:
 *   npx tsx packages/core/test/instrument/fuel-overhead.bench.ts
 * Times, plain and instrumented, a tight loop (summing 100M integers: four instructions per
 * iteration, the worst case), a byte scan over 64 MiB of memory (closer to parsing a body), and
 * a call-heavy recursion (fib 32). Runs alternate between the two builds; the fastest of each
 * is reported, since on a shared machine noise only ever adds time.
 */
import { instrumentGuest } from '../../src/wasm/instrument/index.js';
import { FuelHost, wat } from './wasm-harness.js';

const guest = wat(`(module
  (memory 1024)
  (func (export "sum") (param $n i32) (result i64) (local $i i32) (local $acc i64)
    (loop $l
      (local.set $acc (i64.add (local.get $acc) (i64.extend_i32_u (local.get $i))))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $i) (local.get $n))))
    (local.get $acc))
  (func (export "scan") (param $len i32) (result i32) (local $p i32) (local $lines i32) (local $c i32)
    (loop $l
      (local.set $c (i32.load8_u (local.get $p)))
      (if (i32.eq (local.get $c) (i32.const 10)) (then (local.set $lines (i32.add (local.get $lines) (i32.const 1)))))
      (if (i32.eq (local.get $c) (i32.const 0)) (then (i32.store8 (local.get $p) (i32.const 32))))
      (local.set $p (i32.add (local.get $p) (i32.const 1)))
      (br_if $l (i32.lt_u (local.get $p) (local.get $len))))
    (local.get $lines))
  (func $fib (export "fib") (param $n i32) (result i32)
    (if (result i32) (i32.lt_u (local.get $n) (i32.const 2))
      (then (local.get $n))
      (else (i32.add (call $fib (i32.sub (local.get $n) (i32.const 1))) (call $fib (i32.sub (local.get $n) (i32.const 2))))))))`);

type Guest = { sum(n: number): bigint; scan(len: number): number; fib(n: number): number };
const plain = (await WebAssembly.instantiate(guest)).instance.exports as unknown as Guest;
// A budget of 10M units: the host is asked about every 10M iterations, as the middleware would.
const host = new FuelHost(10_000_000);
const metered = (await host.instantiate(instrumentGuest(guest, { fuel: true }).bytes)).exports as unknown as Guest;

const cases = [
  ['sum of 100M integers', (g: Guest) => g.sum(100_000_000)],
  ['scan of 64 MiB', (g: Guest) => g.scan(64 * 2 ** 20)],
  ['fib(32), 7M calls', (g: Guest) => g.fib(32)],
] as const;

for (const [label, run] of cases) {
  if (run(plain) !== run(metered)) throw new Error(`${label}: results differ`);
  const times: [number[], number[]] = [[], []];
  for (let round = 0; round < 9; round++) {
    [plain, metered].forEach((g, i) => {
      const t0 = performance.now();
      run(g);
      times[i].push(performance.now() - t0);
    });
  }
  const [a, b] = times.map((t) => Math.min(...t));
  console.log(`${label}: plain ${a.toFixed(1)} ms, instrumented ${b.toFixed(1)} ms, overhead ${((b / a - 1) * 100).toFixed(0)}%`);
}
console.log(`out_of_fuel calls: ${host.outOfFuelCalls}`);
