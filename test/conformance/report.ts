/**
 * Reading what the conformance guests report: `key=value` lines, and byte sequences the host wrote
 * into guest memory, which the guests hex-encode so that NULs and sentinels survive the trip.
 */
export type Report = Readonly<Record<string, string>>;

export function parseReport(body: string): Report {
  const out: Record<string, string> = {};
  for (const line of body.split('\n')) {
    if (!line) continue;
    const eq = line.indexOf('=');
    out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

export function fromHex(hex: string): Buffer {
  return Buffer.from(hex, 'hex');
}

/**
 * Splits a NUL-terminated sequence (`a\0bb\0`). Throws if the last string lacks its terminator:
 * the ABI's sequences are NUL-terminated, not NUL-separated.
 */
export function nulTerminated(bytes: Buffer): string[] {
  if (bytes.length === 0) return [];
  if (bytes[bytes.length - 1] !== 0) throw new Error(`not NUL-terminated: ${JSON.stringify(bytes.toString('latin1'))}`);
  return bytes.toString('latin1').slice(0, -1).split('\0');
}

/** The count_len a host should return for these strings: count and bytes, terminators included. */
export function countLen(values: readonly string[]): { count: number; len: number } {
  return { count: values.length, len: values.reduce((n, v) => n + Buffer.byteLength(v, 'latin1') + 1, 0) };
}
