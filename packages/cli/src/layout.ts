/** Aligned two-column text, padded before it is painted so colour codes never skew the columns. */
export function columns(rows: readonly (readonly [string, string])[], indent = '', paintKey: (s: string) => string = (s) => s): string[] {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${indent}${paintKey(k.padEnd(width))}  ${v}`.trimEnd());
}
