/**
 * Go's time.ParseDuration, which Dapr uses for `spec.initTimeout`: a sequence of decimal numbers,
 * each with an optional fraction and a unit ("300ms", "1.5h", "2h45m"), optionally signed.
 * Units are ns, us (or µs/μs), ms, s, m, h; "0" alone needs no unit.
 */
const NANOS_PER_UNIT: Record<string, number> = {
  ns: 1,
  us: 1e3,
  'µs': 1e3, // U+00B5 micro sign
  'μs': 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const MAX_NANOS = 2 ** 63 - 1;

/** Returns the duration in milliseconds, or throws an Error worded like Go's. */
export function parseGoDuration(text: string): number {
  const quoted = JSON.stringify(text);
  let s = text;
  let sign = 1;
  if (s.startsWith('-') || s.startsWith('+')) {
    sign = s[0] === '-' ? -1 : 1;
    s = s.slice(1);
  }
  if (s === '0') return 0;
  if (s === '') throw new Error(`time: invalid duration ${quoted}`);

  let nanos = 0;
  while (s !== '') {
    const number = /^(\d*)(?:\.(\d*))?/.exec(s)!;
    const [whole = '', fraction] = [number[1], number[2]];
    if (whole === '' && (fraction === undefined || fraction === '')) throw new Error(`time: invalid duration ${quoted}`);
    s = s.slice(number[0].length);
    const unitLength = s.search(/[.\d]/);
    const unit = unitLength === -1 ? s : s.slice(0, unitLength);
    if (unit === '') throw new Error(`time: missing unit in duration ${quoted}`);
    const scale = NANOS_PER_UNIT[unit];
    if (scale === undefined) throw new Error(`time: unknown unit ${JSON.stringify(unit)} in duration ${quoted}`);
    s = s.slice(unit.length);
    nanos += Number(`${whole || '0'}.${fraction || '0'}`) * scale;
    if (nanos > MAX_NANOS) throw new Error(`time: invalid duration ${quoted}`);
  }
  return (sign * nanos) / 1e6;
}
