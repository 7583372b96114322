/** Hand-assembles modules byte by byte, for encodings no text tool emits on demand. */
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

export function name(text: string): number[] {
  const utf8 = [...new TextEncoder().encode(text)];
  return [...uleb(utf8.length), ...utf8];
}

export function vec(items: number[][]): number[] {
  return [...uleb(items.length), ...items.flat()];
}

export function section(id: number, content: number[]): number[] {
  return [id, ...uleb(content.length), ...content];
}

/** A function body: no locals, the given code, `end`. */
export function body(code: number[]): number[] {
  const content = [0, ...code, 0x0b];
  return [...uleb(content.length), ...content];
}

export function module(...sections: number[][]): Uint8Array<ArrayBuffer> {
  return new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, ...sections.flat()]);
}

export const I32_CONST = 0x41;
export const REF_FUNC = 0xd2;
export const REF_NULL = 0xd0;
export const FUNCREF = 0x70;
export const END = 0x0b;
