/**
 * A growable byte buffer: guest writes are copied out of guest memory chunk by chunk, and
 * concatenated once when someone needs the whole body.
 */
export class ByteSink {
  private chunks: Uint8Array[] = [];
  private joined: Uint8Array | undefined;
  length = 0;

  constructor(initial?: Uint8Array) {
    if (initial && initial.length) this.append(initial, false);
  }

  /** Appends bytes; `copy` must be true when the source is a view that will change (guest memory). */
  append(bytes: Uint8Array, copy = true): void {
    if (bytes.length === 0) return;
    this.chunks.push(copy ? bytes.slice() : bytes);
    this.length += bytes.length;
    this.joined = undefined;
  }

  bytes(): Uint8Array {
    if (this.joined) return this.joined;
    if (this.chunks.length === 1) return (this.joined = this.chunks[0]);
    const out = new Uint8Array(this.length);
    let at = 0;
    for (const c of this.chunks) {
      out.set(c, at);
      at += c.length;
    }
    this.chunks = out.length ? [out] : [];
    return (this.joined = out);
  }
}

export const EMPTY_BYTES = new Uint8Array(0);

export function concatBytes(a: Uint8Array | undefined, b: Uint8Array | undefined): Uint8Array {
  if (!a || a.length === 0) return b ?? EMPTY_BYTES;
  if (!b || b.length === 0) return a;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
