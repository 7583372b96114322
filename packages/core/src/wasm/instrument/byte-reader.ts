/** A cursor over a module's bytes that reads the LEB128 integers and bytes of the binary format. */
import { InstrumentError } from './errors.js';

export class ByteReader {
  pos: number;

  constructor(readonly bytes: Uint8Array, start: number, readonly end: number) {
    this.pos = start;
  }

  get atEnd(): boolean {
    return this.pos >= this.end;
  }

  byte(): number {
    if (this.pos >= this.end) throw malformed('unexpected end of data');
    return this.bytes[this.pos++];
  }

  /** An unsigned LEB128 of up to 64 bits, exact up to 2^53 (indices, sizes, memory limits). */
  uleb(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 10; i++) {
      const b = this.byte();
      result += (b & 0x7f) * scale;
      if ((b & 0x80) === 0) return result;
      scale *= 128;
    }
    throw malformed('a LEB128 integer longer than 10 bytes');
  }

  /** Skips a LEB128 of any width or signedness whose value does not matter here. */
  skipLeb(): void {
    for (let i = 0; i < 10; i++) if ((this.byte() & 0x80) === 0) return;
    throw malformed('a LEB128 integer longer than 10 bytes');
  }

  skip(n: number): void {
    if (this.pos + n > this.end) throw malformed('unexpected end of data');
    this.pos += n;
  }

  /** A value type: one byte, or a typed reference `(ref null? heaptype)` with its heap type. */
  skipValueType(): void {
    const b = this.byte();
    if (b === 0x63 || b === 0x64) this.skipLeb();
  }

  /** A name (length-prefixed UTF-8), returned raw: only custom section names need decoding. */
  nameBytes(): Uint8Array {
    const len = this.uleb();
    const start = this.pos;
    this.skip(len);
    return this.bytes.subarray(start, this.pos);
  }
}

function malformed(what: string): InstrumentError {
  return new InstrumentError(`cannot instrument guest: malformed module (${what})`, 'malformed');
}
