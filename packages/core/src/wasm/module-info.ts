/**
 * Reads what the host needs from a module's binary: function signatures of its imports and exports,
 * its memories, and its start function. `WebAssembly.Module.imports()` gives names but no
 * signatures, and validating `handle_request: () -> i64` needs signatures.
 */
export type ValueType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref' | 'ref';

export interface FuncType {
  params: ValueType[];
  results: ValueType[];
}

export type ExternKind = 'function' | 'table' | 'memory' | 'global' | 'tag';

export interface ImportInfo {
  module: string;
  name: string;
  kind: ExternKind;
  type?: FuncType;
}

export interface ExportInfo {
  name: string;
  kind: ExternKind;
  index: number;
  type?: FuncType;
}

export interface MemoryInfo {
  minPages: number;
  maxPages: number | undefined;
  imported: boolean;
}

export interface SectionSpan {
  id: number;
  /** Offset of the section id byte. */
  start: number;
  /** Offset just past the section's contents. */
  end: number;
  contentStart: number;
}

export interface ModuleInfo {
  imports: ImportInfo[];
  exports: ExportInfo[];
  memories: MemoryInfo[];
  /** Function index of the start section, if any. */
  start: number | undefined;
  sections: SectionSpan[];
}

const kinds: ExternKind[] = ['function', 'table', 'memory', 'global', 'tag'];
const valueTypes: Record<number, ValueType> = {
  0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref',
};

export class ModuleFormatError extends Error {
  override name = 'ModuleFormatError';
}

/** Formats a signature the way the errors print it: `(i32, i32) -> i64`. */
export function formatFuncType(t: FuncType | undefined): string {
  if (!t) return '(unknown)';
  return `(${t.params.join(', ')}) -> ${t.results.length === 1 ? t.results[0] : `(${t.results.join(', ')})`}`;
}

export function sameFuncType(a: FuncType | undefined, b: FuncType): boolean {
  return !!a && a.params.join() === b.params.join() && a.results.join() === b.results.join();
}

class Reader {
  pos: number;
  constructor(readonly bytes: Uint8Array, start = 0, readonly end = bytes.length) {
    this.pos = start;
  }
  byte(): number {
    if (this.pos >= this.end) throw new ModuleFormatError('unexpected end of module');
    return this.bytes[this.pos++];
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result += (b & 0x7f) * 2 ** shift;
      if ((b & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new ModuleFormatError('malformed LEB128 integer');
    }
  }
  name(): string {
    const len = this.u32();
    const start = this.pos;
    this.pos += len;
    if (this.pos > this.end) throw new ModuleFormatError('name runs past its section');
    return new TextDecoder().decode(this.bytes.subarray(start, this.pos));
  }
  valueType(): ValueType {
    const b = this.byte();
    const t = valueTypes[b];
    if (t) return t;
    // Typed references (GC / function-references proposals): (ref null? heaptype).
    if (b === 0x63 || b === 0x64) {
      this.heapType();
      return 'ref';
    }
    if (b >= 0x69 && b <= 0x74) return 'ref'; // abstract heap type shorthands
    throw new ModuleFormatError(`unknown value type 0x${b.toString(16)}`);
  }
  heapType(): void {
    const b = this.bytes[this.pos];
    if (b >= 0x69 && b <= 0x74) this.pos++;
    else this.u32(); // s33 type index; non-negative here
  }
  limits(): { min: number; max: number | undefined } {
    const flags = this.byte();
    const min = this.u32();
    const max = flags & 1 ? this.u32() : undefined;
    return { min, max };
  }
}

const WASM_MAGIC = [0x00, 0x61, 0x73, 0x6d];

export function isWasmBinary(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && WASM_MAGIC.every((b, i) => bytes[i] === b);
}

export function readModuleInfo(bytes: Uint8Array): ModuleInfo {
  if (!isWasmBinary(bytes)) throw new ModuleFormatError('not a WebAssembly binary (bad magic number)');
  const r = new Reader(bytes, 8);
  const types: FuncType[] = [];
  const imports: ImportInfo[] = [];
  const funcTypes: (FuncType | undefined)[] = []; // function index space
  const memories: MemoryInfo[] = [];
  const rawExports: { name: string; kind: ExternKind; index: number }[] = [];
  const sections: SectionSpan[] = [];
  let start: number | undefined;

  while (r.pos < bytes.length) {
    const sectionStart = r.pos;
    const id = r.byte();
    const size = r.u32();
    const contentStart = r.pos;
    const end = contentStart + size;
    if (end > bytes.length) throw new ModuleFormatError(`section ${id} runs past the end of the module`);
    sections.push({ id, start: sectionStart, end, contentStart });
    const s = new Reader(bytes, contentStart, end);
    switch (id) {
      case 1: // type
        for (let n = s.u32(); n > 0; n--) types.push(...readTypeEntry(s));
        break;
      case 2: // import
        for (let n = s.u32(); n > 0; n--) {
          const module = s.name();
          const name = s.name();
          const kind = kinds[s.byte()];
          if (!kind) throw new ModuleFormatError(`import ${module}.${name} has an unknown kind`);
          const entry: ImportInfo = { module, name, kind };
          if (kind === 'function') {
            entry.type = types[s.u32()];
            funcTypes.push(entry.type);
          } else if (kind === 'table') {
            s.valueType();
            s.limits();
          } else if (kind === 'memory') {
            const l = s.limits();
            memories.push({ minPages: l.min, maxPages: l.max, imported: true });
          } else if (kind === 'global') {
            s.valueType();
            s.byte();
          } else {
            s.byte();
            s.u32();
          }
          imports.push(entry);
        }
        break;
      case 3: // function
        for (let n = s.u32(); n > 0; n--) funcTypes.push(types[s.u32()]);
        break;
      case 5: // memory
        for (let n = s.u32(); n > 0; n--) {
          const l = s.limits();
          memories.push({ minPages: l.min, maxPages: l.max, imported: false });
        }
        break;
      case 7: // export
        for (let n = s.u32(); n > 0; n--) {
          const name = s.name();
          const kind = kinds[s.byte()];
          if (!kind) throw new ModuleFormatError(`export ${name} has an unknown kind`);
          rawExports.push({ name, kind, index: s.u32() });
        }
        break;
      case 8: // start
        start = s.u32();
        break;
    }
    r.pos = end;
  }

  const exports = rawExports.map((e) => (e.kind === 'function' ? { ...e, type: funcTypes[e.index] } : e));
  return { imports, exports, memories, start, sections };
}

/** One entry of the type section: a plain function type, or (GC proposal) a recursive group. */
function readTypeEntry(s: Reader): FuncType[] {
  const form = s.byte();
  if (form === 0x60) {
    const params: ValueType[] = [];
    for (let n = s.u32(); n > 0; n--) params.push(s.valueType());
    const results: ValueType[] = [];
    for (let n = s.u32(); n > 0; n--) results.push(s.valueType());
    return [{ params, results }];
  }
  throw new ModuleFormatError(`unsupported type form 0x${form.toString(16)} (GC types are not supported)`);
}
