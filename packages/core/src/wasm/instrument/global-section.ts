/**
 * Renumbers `ref.func` in global initialisers and appends the fuel global. Appending keeps every
 * existing global index valid.
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { copyConstExpr } from './const-expr.js';
import type { Renumber } from './renumber.js';

const I32 = 0x7f;
const MUTABLE = 0x01;
const I32_CONST = 0x41;
const END = 0x0b;

/** Returns the new content and the number of globals the module defined before. */
export function withFuelGlobal(content: Uint8Array | undefined, renumber: Renumber): { content: Uint8Array; defined: number } {
  const out = new ByteWriter((content?.length ?? 0) + 16);
  let defined = 0;
  if (content) {
    const r = new ByteReader(content, 0, content.length);
    defined = r.uleb();
    out.uleb(defined + 1);
    for (let i = 0; i < defined; i++) {
      const start = r.pos;
      r.skipValueType();
      r.byte(); // mutability
      out.bytes(content.subarray(start, r.pos));
      copyConstExpr(r, out, renumber, `the initialiser of global ${i}`);
    }
  } else {
    out.uleb(1);
  }
  // Starts at 0, so a guest entered before the host set its budget goes straight to out_of_fuel.
  out.bytes([I32, MUTABLE, I32_CONST, 0, END]);
  return { content: out.finish(), defined };
}
