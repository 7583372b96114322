/**
 * Guest bytes to JS strings, one char per byte, as HTTP field values travel. Guests hand the host
 * the same short strings on every request (header names, common values, a route's URI), and
 * building a string costs far more than recognising one, so short strings go through a small
 * direct-mapped table of the strings decoded last: a hit is a length check and a byte compare.
 */
const utf8 = new TextDecoder();

/** Strings up to this length are remembered; longer ones are rarely repeated byte for byte. */
const REMEMBERED_MAX = 64;
const SLOTS = 512; // a power of two: the slot is the hash's low bits
const remembered: string[] = new Array<string>(SLOTS).fill('');

/** `n` bytes of `u8` from `at`, as a latin1 string. The caller has bounds-checked the range. */
export function latin1At(u8: Uint8Array, at: number, n: number): string {
  if (n === 0) return '';
  if (n > REMEMBERED_MAX) return latin1String(u8.subarray(at, at + n));
  // Length and three sample bytes: enough to spread a guest's handful of strings over the slots.
  const slot = ((n * 31 + u8[at]) * 31 + u8[at + n - 1] + u8[at + (n >> 1)] * 7) & (SLOTS - 1);
  const known = remembered[slot];
  if (known.length === n) {
    let i = 0;
    while (i < n && known.charCodeAt(i) === u8[at + i]) i++;
    if (i === n) return known;
  }
  const s = latin1String(u8.subarray(at, at + n));
  remembered[slot] = s;
  return s;
}

/** Bytes to a string, one char per byte. ASCII (nearly every header) takes the native decoder. */
export function latin1String(b: Uint8Array): string {
  const n = b.length;
  let ascii = true;
  for (let i = 0; i < n; i++) if (b[i] > 0x7f) { ascii = false; break; }
  // UTF-8 and latin1 agree on ASCII, and the native decoder beats any JS loop.
  if (ascii) return utf8.decode(b);
  let s = '';
  for (let i = 0; i < n; i += 4096) s += String.fromCharCode.apply(null, b.subarray(i, i + 4096) as unknown as number[]);
  return s;
}
