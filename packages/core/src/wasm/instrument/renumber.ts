/**
 * Function indices count imports first, so adding one function import at the end of the imports
 * moves every defined function up by one. Everything that names a function by index goes
 * through a Renumber; the Copier splices the new indices into otherwise untouched bytes.
 */
import type { ByteWriter } from './byte-writer.js';

export type Renumber = (index: number) => number;

/** The renumbering after a function import is added at index `added`. */
export function afterImportAt(added: number): Renumber {
  return (index) => (index >= added ? index + 1 : index);
}

export class Copier {
  private from: number;

  constructor(private readonly src: Uint8Array, readonly out: ByteWriter, start: number) {
    this.from = start;
  }

  /** Copies the bytes not yet copied, up to `pos`. */
  copyTo(pos: number): ByteWriter {
    if (pos > this.from) this.out.range(this.src, this.from, pos);
    this.from = pos;
    return this.out;
  }

  /** Replaces the LEB128 index in [start, end) with `index`, re-encoded (its length may change). */
  replaceIndex(start: number, end: number, index: number): void {
    this.copyTo(start).uleb(index);
    this.from = end;
  }
}
