// Reads function signatures of a module's imports and exports straight from the binary: node's
// WebAssembly.Module.imports/exports name them but do not give their types.
export type ValType = 'i32' | 'i64' | 'f32' | 'f64' | 'v128' | 'funcref' | 'externref';
export interface Signature {
  params: ValType[];
  results: ValType[];
}
export interface ModuleSignatures {
  imports: Map<string, Signature>; // "module.name" -> signature, functions only
  exports: Map<string, Signature>; // functions only
  hasStart: boolean;
}

const VALTYPES: Record<number, ValType> = {
  0x7f: 'i32', 0x7e: 'i64', 0x7d: 'f32', 0x7c: 'f64', 0x7b: 'v128', 0x70: 'funcref', 0x6f: 'externref',
};

class Reader {
  pos = 0;
  constructor(readonly bytes: Uint8Array) {}
  byte(): number {
    return this.bytes[this.pos++]!;
  }
  u32(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      const b = this.byte();
      result |= (b & 0x7f) << shift;
      if (!(b & 0x80)) return result >>> 0;
      shift += 7;
    }
  }
  name(): string {
    const len = this.u32();
    const s = new TextDecoder().decode(this.bytes.subarray(this.pos, this.pos + len));
    this.pos += len;
    return s;
  }
  valtype(): ValType {
    const b = this.byte();
    const t = VALTYPES[b];
    if (!t) throw new Error(`unknown value type 0x${b.toString(16)}`);
    return t;
  }
  limits(): void {
    const flags = this.byte();
    this.u32();
    if (flags & 1) this.u32();
  }
}

export function readSignatures(bytes: Uint8Array): ModuleSignatures {
  const r = new Reader(bytes);
  r.pos = 8; // magic + version
  const types: Signature[] = [];
  const funcTypes: number[] = []; // function index space: imported first, then defined
  const imports = new Map<string, Signature>();
  const exportIndex = new Map<string, number>();
  let hasStart = false;
  while (r.pos < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.pos + size;
    if (id === 1) {
      for (let n = r.u32(); n > 0; n--) {
        if (r.byte() !== 0x60) throw new Error('expected a function type');
        const params = Array.from({ length: r.u32() }, () => r.valtype());
        const results = Array.from({ length: r.u32() }, () => r.valtype());
        types.push({ params, results });
      }
    } else if (id === 2) {
      for (let n = r.u32(); n > 0; n--) {
        const key = `${r.name()}.${r.name()}`;
        const kind = r.byte();
        if (kind === 0) {
          const t = r.u32();
          funcTypes.push(t);
          imports.set(key, types[t]!);
        } else if (kind === 1) (r.byte(), r.limits());
        else if (kind === 2) r.limits();
        else if (kind === 3) (r.valtype(), r.byte());
      }
    } else if (id === 3) {
      for (let n = r.u32(); n > 0; n--) funcTypes.push(r.u32());
    } else if (id === 7) {
      for (let n = r.u32(); n > 0; n--) {
        const name = r.name();
        const kind = r.byte();
        const index = r.u32();
        if (kind === 0) exportIndex.set(name, index);
      }
    } else if (id === 8) {
      hasStart = true;
    }
    r.pos = end;
  }
  const exports = new Map<string, Signature>();
  for (const [name, index] of exportIndex) exports.set(name, types[funcTypes[index]!]!);
  return { imports, exports, hasStart };
}
