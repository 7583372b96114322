/**
 * Lowers the maximum of every memory the module defines to `maxPages`, so `memory.grow` past it
 * returns -1 inside the guest instead of taking the host's memory. Imported memories belong to
 * whoever created them and are left alone.
 *
 * Limits flags: bit 0 a maximum follows, bit 1 shared, bit 2 64-bit, bit 3 custom page size.
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { InstrumentError } from './errors.js';

const HAS_MAX = 0x01;
const MEMORY64 = 0x04;
const CUSTOM_PAGE_SIZE = 0x08;
/** The most pages a 32-bit memory may declare (4 GiB). */
const MAX_PAGES_32 = 65536;
const PAGE_BYTES = 65536;

/** `firstDefined` is the index of the first defined memory (the count of imported ones). */
export function capMemories(content: Uint8Array, maxPages: number, firstDefined: number): Uint8Array {
  const r = new ByteReader(content, 0, content.length);
  const count = r.uleb();
  const out = new ByteWriter(content.length + count * 5 + 5).uleb(count);
  for (let i = 0; i < count; i++) {
    const where = `memory ${firstDefined + i}`;
    const flags = r.byte();
    if (flags & CUSTOM_PAGE_SIZE) {
      throw new InstrumentError(`cannot cap ${where}: custom page sizes are not supported`, 'unsupported-feature', where);
    }
    const min = r.uleb();
    const max = flags & HAS_MAX ? r.uleb() : Infinity;
    if (min > maxPages) {
      throw new InstrumentError(
        `${where} needs at least ${pages(min)} at start, above the cap of ${pages(maxPages)} (maxMemoryPages)`,
        'memory-exceeds-cap', where,
      );
    }
    const limit = flags & MEMORY64 ? maxPages : Math.min(maxPages, MAX_PAGES_32);
    out.byte(flags | HAS_MAX).uleb(min).uleb(Math.min(max, limit));
  }
  return out.finish();
}

function pages(n: number): string {
  const mib = (n * PAGE_BYTES) / 2 ** 20;
  return `${n} pages (${Number.isInteger(mib) ? mib : mib.toFixed(2)} MiB)`;
}
