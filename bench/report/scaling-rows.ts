/** The scaling tables: body size in-process, concurrency end to end, and across cores. */
import type { ScalingResult } from '../scaling/suite.js';
import { BODY_READ_1MB_MIN_GBPS, verdict } from '../targets.js';
import { bytes, duration, gbPerSec, millis, ratio, rate } from './format.js';
import { markdownTable, type Cell } from './table.js';

const MB = 1024 * 1024;

export function bodySizeTable(s: ScalingResult): string {
  const header: Cell[] = ['request body', 'p50', 'p99', 'throughput', 'target', 'status'];
  const rows = s.bodySizes.map((b): Cell[] => {
    const targeted = b.bytes === MB && b.gbPerSec !== undefined;
    return [
      b.bytes ? bytes(b.bytes) : 'none', duration(b.p50Ns), duration(b.p99Ns), gbPerSec(b.gbPerSec),
      targeted ? `≥ ${BODY_READ_1MB_MIN_GBPS} GB/s` : '', targeted ? verdict(b.gbPerSec! >= BODY_READ_1MB_MIN_GBPS) : '',
    ];
  });
  return markdownTable(header, rows);
}

export function concurrencyTable(s: ScalingResult): string {
  const header: Cell[] = ['connections', 'bare req/s', 'bare p50', 'bare p99', 'wasm req/s', 'wasm p50', 'wasm p99', 'wasm/bare', 'guest instances needed'];
  const rows = s.concurrency.map((c): Cell[] => [
    String(c.connections),
    rate(c.bare.reqPerSec), millis(c.bare.p50Ms), millis(c.bare.p99Ms),
    rate(c.wasm.reqPerSec), millis(c.wasm.p50Ms), millis(c.wasm.p99Ms),
    ratio(c.wasm.reqPerSec / c.bare.reqPerSec),
    String(c.pool.size),
  ]);
  return markdownTable(header, rows);
}

export function coresTable(s: ScalingResult): string {
  if ('notRun' in s.cores) return `not run: ${s.cores.notRun}`;
  const one = s.cores.rows.find((r) => r.workers === 1);
  const header: Cell[] = ['workers', 'req/s', 'p50', 'p99', 'compared'];
  const rows = s.cores.rows.map((r): Cell[] => [
    String(r.workers), rate(r.reqPerSec), millis(r.p50Ms), millis(r.p99Ms),
    one && r !== one ? `${ratio(r.reqPerSec / one.reqPerSec)}× one worker` : '',
  ]);
  return markdownTable(header, rows);
}
