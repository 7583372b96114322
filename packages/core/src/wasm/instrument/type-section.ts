/** Finds the `() -> ()` function type the fuel import needs, or appends one. */
import { ByteReader } from './byte-reader.js';
import { InstrumentError } from './errors.js';
import { appendToVector } from './vector.js';

const FUNC_TYPE = 0x60;

export function withEmptyFuncType(content: Uint8Array | undefined): { content: Uint8Array; index: number } {
  let count = 0;
  if (content) {
    const r = new ByteReader(content, 0, content.length);
    count = r.uleb();
    for (let i = 0; i < count; i++) {
      const form = r.byte();
      if (form !== FUNC_TYPE) {
        throw new InstrumentError(
          `cannot instrument guest: type ${i} has form 0x${form.toString(16)} (GC type definitions are not supported)`,
          'unsupported-feature', `type ${i}`,
        );
      }
      const params = r.uleb();
      for (let n = params; n > 0; n--) r.skipValueType();
      const results = r.uleb();
      for (let n = results; n > 0; n--) r.skipValueType();
      if (params === 0 && results === 0) return { content, index: i };
    }
  }
  return { content: appendToVector(content, 1, new Uint8Array([FUNC_TYPE, 0, 0])), index: count };
}
