/**
 * The `name` custom section gives functions their names in stack traces, so it is kept with its
 * function indices renumbered: function names (1), local names (2) and label names (3) are keyed
 * by function index; other subsections are copied. A malformed name section is dropped (the
 * engine would ignore it anyway).
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { Copier, type Renumber } from './renumber.js';

const FUNCTION_NAMES = 1;
const LOCAL_NAMES = 2;
const LABEL_NAMES = 3;

export function renumberNames(content: Uint8Array, renumber: Renumber): Uint8Array | undefined {
  try {
    const r = new ByteReader(content, 0, content.length);
    r.nameBytes(); // "name"
    const out = new ByteWriter(content.length + 16).bytes(content.subarray(0, r.pos));
    while (!r.atEnd) {
      const id = r.byte();
      const size = r.uleb();
      const sub = new ByteReader(content, r.pos, r.pos + size);
      r.skip(size);
      let body: Uint8Array;
      if (id === FUNCTION_NAMES) body = renumberKeys(sub, renumber, skipName);
      else if (id === LOCAL_NAMES || id === LABEL_NAMES) body = renumberKeys(sub, renumber, skipNameMap);
      else body = content.subarray(sub.pos, r.pos);
      out.byte(id).uleb(body.length).bytes(body);
    }
    return out.finish();
  } catch {
    return undefined;
  }
}

/** A vector of (function index, value) pairs: the keys are renumbered, the values copied. */
function renumberKeys(r: ByteReader, renumber: Renumber, skipValue: (r: ByteReader) => void): Uint8Array {
  const out = new ByteWriter(r.end - r.pos + 8);
  const copier = new Copier(r.bytes, out, r.pos);
  for (let n = r.uleb(); n > 0; n--) {
    const at = r.pos;
    const index = r.uleb();
    copier.replaceIndex(at, r.pos, renumber(index));
    skipValue(r);
  }
  if (!r.atEnd) throw new Error('trailing bytes in a name subsection');
  copier.copyTo(r.pos);
  return out.finish();
}

function skipName(r: ByteReader): void {
  r.nameBytes();
}

function skipNameMap(r: ByteReader): void {
  for (let n = r.uleb(); n > 0; n--) {
    r.skipLeb();
    r.nameBytes();
  }
}
