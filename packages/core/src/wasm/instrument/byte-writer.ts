/** A growable byte buffer with the LEB128 and section encodings of the binary format. */
export class ByteWriter {
  private buf: Uint8Array<ArrayBuffer>;
  length = 0;

  constructor(capacity = 256) {
    this.buf = new Uint8Array(capacity);
  }

  private reserve(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }

  byte(b: number): this {
    this.reserve(1);
    this.buf[this.length++] = b;
    return this;
  }

  bytes(data: Uint8Array | readonly number[]): this {
    this.reserve(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
    return this;
  }

  /** `src[from, to)`. Short runs are copied byte by byte: a view per run would cost more. */
  range(src: Uint8Array, from: number, to: number): this {
    const n = to - from;
    this.reserve(n);
    if (n > 32) this.buf.set(src.subarray(from, to), this.length);
    else for (let i = 0; i < n; i++) this.buf[this.length + i] = src[from + i];
    this.length += n;
    return this;
  }

  /** An unsigned LEB128, written in place (every call and every body size passes here). */
  uleb(value: number): this {
    this.reserve(10);
    do {
      let b = value % 128;
      value = Math.floor(value / 128);
      if (value !== 0) b |= 0x80;
      this.buf[this.length++] = b;
    } while (value !== 0);
    return this;
  }

  /** A name: length-prefixed UTF-8. */
  name(text: string): this {
    const utf8 = new TextEncoder().encode(text);
    return this.uleb(utf8.length).bytes(utf8);
  }

  /** The bytes written so far, without copying; valid until the next write. */
  view(): Uint8Array {
    return this.buf.subarray(0, this.length);
  }

  finish(): Uint8Array<ArrayBuffer> {
    return this.buf.slice(0, this.length);
  }
}

export function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value % 128;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}
