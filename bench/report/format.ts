/** Units as a reader expects them in the table. */
export function duration(ns: number): string {
  if (!Number.isFinite(ns)) return '–';
  if (ns < 0) return `−${duration(-ns)}`;
  if (ns < 1_000) return `${ns.toFixed(0)} ns`;
  if (ns < 1_000_000) return `${(ns / 1_000).toFixed(2)} µs`;
  return `${(ns / 1_000_000).toFixed(2)} ms`;
}

export function millis(ms: number): string {
  return `${ms.toFixed(ms < 10 ? 2 : 1)} ms`;
}

export function bytes(n: number | undefined): string {
  if (n === undefined) return '–';
  if (n < 1024) return `${n.toFixed(0)} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(2)} MB`;
}

export function rate(perSec: number): string {
  return Math.round(perSec).toLocaleString('en-US');
}

export function ratio(r: number, digits = 2): string {
  return r.toFixed(digits);
}

/** A growth that may be negative (memory that a GC returned). */
export function signedBytes(n: number): string {
  return n < 0 ? `−${bytes(-n)}` : `+${bytes(n)}`;
}

export function gbPerSec(x: number | undefined): string {
  return x === undefined ? '–' : `${x.toFixed(x < 10 ? 2 : 1)} GB/s`;
}
