/**
 * Steps over one instruction, reporting only what the rewriter acts on: loops (where fuel is
 * charged), function indices (which shift when an import is added), and block nesting (so a
 * constant expression's end can be found).
 */
import type { ByteReader } from './byte-reader.js';
import { UnknownOpcodeError } from './errors.js';
import * as op from './opcodes.js';

/** The instruction opened a block (`block`, `if`, `try`, `try_table`). */
export const OPENS = 1;
/** The instruction is a `loop`; the reader stands right after its block type. */
export const LOOP = 2;
/** The instruction closed a block (`end`, `delegate`). */
export const CLOSES = 3;
/** The instruction carries a function index, described by `funcIndex` and `funcIndexAt`. */
export const FUNC = 4;
export const OTHER = 0;

export interface Instruction {
  effect: number;
  funcIndex: number;
  /** Offset of the function index's first byte; the reader stands right after its last. */
  funcIndexAt: number;
}

export function readInstruction(r: ByteReader, out: Instruction): void {
  const at = r.pos;
  const opcode = r.byte();
  const kind = op.SINGLE_BYTE[opcode];
  out.effect = OTHER;
  switch (kind) {
    case op.NONE: return;
    case op.BLOCK: skipBlockType(r); out.effect = OPENS; return;
    case op.LOOP: skipBlockType(r); out.effect = LOOP; return;
    case op.END: out.effect = CLOSES; return;
    case op.DELEGATE: r.skipLeb(); out.effect = CLOSES; return;
    case op.LEB: r.skipLeb(); return;
    case op.LEB2: r.skipLeb(); r.skipLeb(); return;
    case op.FUNC:
      out.funcIndexAt = r.pos;
      out.funcIndex = r.uleb();
      out.effect = FUNC;
      return;
    case op.BR_TABLE:
      for (let n = r.uleb(); n > 0; n--) r.skipLeb();
      r.skipLeb();
      return;
    case op.SELECT_T:
      for (let n = r.uleb(); n > 0; n--) r.skipValueType();
      return;
    case op.MEMARG: skipMemarg(r); return;
    case op.BYTES4: r.skip(4); return;
    case op.BYTES8: r.skip(8); return;
    case op.TRY_TABLE:
      skipBlockType(r);
      for (let n = r.uleb(); n > 0; n--) {
        const clause = r.byte(); // catch, catch_ref: tag and label; catch_all(_ref): label
        if (clause > 3) throw new UnknownOpcodeError(`try_table catch clause 0x${hex(clause)}`, at);
        if (clause < 2) r.skipLeb();
        r.skipLeb();
      }
      out.effect = OPENS;
      return;
    case op.PREFIX_FC: return readPrefixed(r, at, opcode, op.PREFIXED_FC);
    case op.PREFIX_FD: return readPrefixed(r, at, opcode, op.PREFIXED_FD);
    case op.PREFIX_FE: return readPrefixed(r, at, opcode, op.PREFIXED_FE);
    default: throw new UnknownOpcodeError(`0x${hex(opcode)}`, at);
  }
}

function readPrefixed(r: ByteReader, at: number, prefix: number, kinds: Uint8Array): void {
  const sub = r.uleb();
  const kind = sub < kinds.length ? kinds[sub] : op.UNKNOWN;
  switch (kind) {
    case op.NONE: return;
    case op.LEB: r.skipLeb(); return;
    case op.LEB2: r.skipLeb(); r.skipLeb(); return;
    case op.MEMARG: skipMemarg(r); return;
    case op.MEMARG_LANE: skipMemarg(r); r.skip(1); return;
    case op.BYTES16: r.skip(16); return;
    case op.LANE: r.skip(1); return;
    case op.BYTE: r.skip(1); return;
    default: throw new UnknownOpcodeError(`0x${hex(prefix)} ${sub}`, at);
  }
}

/** 0x40 (empty), a value type (one byte, or a typed reference), or a type index as s33. */
function skipBlockType(r: ByteReader): void {
  const b = r.bytes[r.pos];
  if (b === 0x63 || b === 0x64) r.pos++;
  r.skipLeb();
}

/** Bit 6 of the alignment says a memory index follows (multi-memory). */
function skipMemarg(r: ByteReader): void {
  const align = r.uleb();
  if (align & 0x40) r.skipLeb();
  r.skipLeb();
}

function hex(n: number): string {
  return n.toString(16).padStart(2, '0');
}
