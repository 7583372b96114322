/** Most sections are one vector of entries: a count, then the entries back to back. */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';

/** Returns the section content with `count` more entries, already encoded in `entries`, at its end. */
export function appendToVector(content: Uint8Array | undefined, count: number, entries: Uint8Array): Uint8Array {
  let existing = 0;
  let body: Uint8Array = new Uint8Array(0);
  if (content) {
    const r = new ByteReader(content, 0, content.length);
    existing = r.uleb();
    body = content.subarray(r.pos);
  }
  return new ByteWriter(body.length + entries.length + 5).uleb(existing + count).bytes(body).bytes(entries).finish();
}
