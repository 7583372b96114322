/**
 * Renumbers the functions element segments name. The segment's flags select one of eight
 * encodings:
 *   bit 0  passive or declarative (set) / active (clear)
 *   bit 1  active: an explicit table index follows; otherwise: declarative (set) / passive (clear)
 *   bit 2  items are constant expressions (set) / function indices (clear)
 * Active segments have an offset expression; all but flags 0 and 4 name their element kind
 * (a byte, with function indices) or reference type (with expressions).
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { copyConstExpr } from './const-expr.js';
import { InstrumentError } from './errors.js';
import { Copier, type Renumber } from './renumber.js';

export function renumberElements(content: Uint8Array, renumber: Renumber): Uint8Array {
  const out = new ByteWriter(content.length + 16);
  const r = new ByteReader(content, 0, content.length);
  const count = r.uleb();
  out.uleb(count);
  for (let i = 0; i < count; i++) {
    const where = `element segment ${i}`;
    const start = r.pos;
    const flags = r.uleb();
    if (flags > 7) throw new InstrumentError(`cannot instrument guest: ${where} has unknown flags ${flags}`, 'malformed', where);
    const active = (flags & 1) === 0;
    const expressions = (flags & 4) !== 0;
    if (active && flags & 2) r.skipLeb(); // table index
    out.bytes(content.subarray(start, r.pos));
    if (active) copyConstExpr(r, out, renumber, `the offset of ${where}`);
    const kindStart = r.pos;
    if (flags & 3) {
      if (expressions) r.skipValueType();
      else r.byte(); // element kind 0x00: funcref
    }
    const items = r.uleb();
    out.bytes(content.subarray(kindStart, r.pos));
    if (expressions) {
      for (let n = 0; n < items; n++) copyConstExpr(r, out, renumber, `item ${n} of ${where}`);
    } else {
      const copier = new Copier(content, out, r.pos);
      for (let n = 0; n < items; n++) {
        const at = r.pos;
        const index = r.uleb();
        copier.replaceIndex(at, r.pos, renumber(index));
      }
      copier.copyTo(r.pos);
    }
  }
  return out.finish();
}
