/** `\0asm` then binary format version 1: what every WebAssembly module starts with. */
const WASM_HEADER = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];

/**
 * Says why the bytes are not a WebAssembly module, or returns undefined if they start like one.
 * Checked before compiling so that an HTML error page served with status 200, or a half-written
 * file, gets a message about what it is rather than a compiler error about byte 0.
 */
export function notWasmReason(bytes: Uint8Array): string | undefined {
  if (bytes.length === 0) return 'the module is empty';
  if (bytes.length < WASM_HEADER.length) return `the module is only ${bytes.length} bytes long`;
  if (WASM_HEADER.slice(0, 4).some((b, i) => bytes[i] !== b)) {
    const text = new TextDecoder().decode(bytes.subarray(0, 32)).replace(/\s+/g, ' ').trim();
    const printable = /^[\x20-\x7e]+$/.test(text) ? ` (it starts with ${JSON.stringify(text)})` : '';
    return `not a WebAssembly module: no \\0asm header${printable}`;
  }
  if (WASM_HEADER.slice(4).some((b, i) => bytes[4 + i] !== b)) {
    return 'a WebAssembly binary of a version other than 1 (a component-model binary?); http-wasm guests are core modules';
  }
  return undefined;
}
