/**
 * A copy of a guest that no cache has seen. The core caches compiled guests by their exact
 * bytes, and V8 shares compiled code between modules with identical bytes; appending a custom
 * section with a unique payload changes both keys without changing the program (engines ignore
 * custom sections they do not know).
 */
const NAME = new TextEncoder().encode('dapr-wasm-bench-nonce');

function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n >>>= 7;
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
}

export function freshBytes(bytes: Uint8Array, nonce: string): Uint8Array {
  const payload = new TextEncoder().encode(nonce);
  const content = [...uleb(NAME.length), ...NAME, ...payload];
  const section = Uint8Array.from([0, ...uleb(content.length), ...content]);
  const out = new Uint8Array(bytes.length + section.length);
  out.set(bytes);
  out.set(section, bytes.length);
  return out;
}

/** A nonce unique across processes and calls. */
let counter = 0;
export const nonce = (): string => `${process.pid}-${Date.now()}-${counter++}`;
