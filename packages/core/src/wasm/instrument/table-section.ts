/**
 * Tables may carry an initialiser (typed function references: `0x40 0x00 tabletype expr`), which
 * may hold `ref.func`. Plain tables are copied as they are.
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { copyConstExpr } from './const-expr.js';
import type { Renumber } from './renumber.js';

export function renumberTables(content: Uint8Array, renumber: Renumber): Uint8Array {
  const out = new ByteWriter(content.length + 8);
  const r = new ByteReader(content, 0, content.length);
  const count = r.uleb();
  out.uleb(count);
  for (let i = 0; i < count; i++) {
    const start = r.pos;
    const withInit = content[r.pos] === 0x40 && content[r.pos + 1] === 0x00;
    if (withInit) r.skip(2);
    r.skipValueType();
    const flags = r.byte();
    r.skipLeb(); // min
    if (flags & 1) r.skipLeb(); // max
    out.bytes(content.subarray(start, r.pos));
    if (withInit) copyConstExpr(r, out, renumber, `the initialiser of table ${i}`);
  }
  return out.finish();
}
