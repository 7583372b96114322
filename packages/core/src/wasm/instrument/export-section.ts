/** Renumbers function exports and adds the export of the fuel global. */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { Copier, type Renumber } from './renumber.js';

const KIND_FUNCTION = 0x00;
const KIND_GLOBAL = 0x03;

export function withGlobalExport(content: Uint8Array | undefined, renumber: Renumber, name: string, globalIndex: number): Uint8Array {
  const out = new ByteWriter((content?.length ?? 0) + name.length + 8);
  let count = 0;
  if (content) {
    const r = new ByteReader(content, 0, content.length);
    count = r.uleb();
    out.uleb(count + 1);
    const copier = new Copier(content, out, r.pos);
    for (let i = 0; i < count; i++) {
      r.nameBytes();
      const kind = r.byte();
      const at = r.pos;
      const index = r.uleb();
      if (kind === KIND_FUNCTION) copier.replaceIndex(at, r.pos, renumber(index));
    }
    copier.copyTo(r.pos);
  } else {
    out.uleb(1);
  }
  return out.name(name).byte(KIND_GLOBAL).uleb(globalIndex).finish();
}
