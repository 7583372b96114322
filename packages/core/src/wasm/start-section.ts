/**
 * A wasm start function runs inside instantiation, before the host can see the guest's exported
 * memory. Guests whose start function calls `get_config` or `enable_features` would then fail, so
 * the host removes the start section and exports the same function under START_EXPORT, calling it
 * right after instantiation, once memory is reachable. Guest-visible behaviour is the same: it
 * still runs exactly once per instance, before anything else.
 */
import type { ModuleInfo } from './module-info.js';

export const START_EXPORT = '__dapr_wasm_start';

const SECTION_EXPORT = 7;
const SECTION_START = 8;

function uleb(value: number): number[] {
  const out: number[] = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value !== 0) b |= 0x80;
    out.push(b);
  } while (value !== 0);
  return out;
}

function readUleb(bytes: Uint8Array, pos: number): [value: number, next: number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
  }
}

function section(id: number, content: Uint8Array): Uint8Array {
  const head = [id, ...uleb(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head);
  out.set(content, head.length);
  return out;
}

/** Returns the module without its start section and with the start function exported. */
export function exportStartFunction(bytes: Uint8Array, info: ModuleInfo): Uint8Array {
  if (info.start === undefined) return bytes;
  const entry = [...uleb(START_EXPORT.length), ...new TextEncoder().encode(START_EXPORT), 0x00, ...uleb(info.start)];
  const exportSection = info.sections.find((s) => s.id === SECTION_EXPORT);

  let newExports: Uint8Array;
  if (exportSection) {
    const [count, bodyStart] = readUleb(bytes, exportSection.contentStart);
    const body = bytes.subarray(bodyStart, exportSection.end);
    const content = new Uint8Array([...uleb(count + 1), ...body, ...entry]);
    newExports = section(SECTION_EXPORT, content);
  } else {
    newExports = section(SECTION_EXPORT, new Uint8Array([1, ...entry]));
  }

  const parts: Uint8Array[] = [bytes.subarray(0, 8)];
  for (const s of info.sections) {
    if (s.id === SECTION_EXPORT) parts.push(newExports);
    else if (s.id === SECTION_START) {
      // Without an export section of its own, the new one goes where the start section was:
      // export (7) sorts directly before start (8).
      if (!exportSection) parts.push(newExports);
    } else parts.push(bytes.subarray(s.start, s.end));
  }
  const total = parts.reduce((n, p) => n + p.length, 0);
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
