/**
 * Rewrites every function body: the fuel check after the local declarations and after each
 * loop's block type, and renumbered `call`, `return_call` and `ref.func`. Everything else is
 * copied; only each body's size and the section's size are re-encoded.
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { InstrumentError, UnknownOpcodeError } from './errors.js';
import { FUNC, LOOP, readInstruction, type Instruction } from './instruction.js';
import * as op from './opcodes.js';
import { Copier, type Renumber } from './renumber.js';

const KINDS = op.SINGLE_BYTE;

export interface CodeRewrite {
  renumber: Renumber;
  fuelCheck: Uint8Array;
  /** Index of the first defined function, in the original index space (for error messages). */
  firstDefined: number;
}

export function rewriteCode(content: Uint8Array, rewrite: CodeRewrite): Uint8Array {
  const r = new ByteReader(content, 0, content.length);
  const count = r.uleb();
  const out = new ByteWriter(content.length + count * 32 + 8).uleb(count);
  const body = new ByteWriter(1024);
  for (let i = 0; i < count; i++) {
    const size = r.uleb();
    const end = r.pos + size;
    if (end > content.length) {
      throw new InstrumentError(
        `cannot instrument guest: malformed module (function ${rewrite.firstDefined + i} runs past the code section)`, 'malformed',
      );
    }
    body.length = 0;
    rewriteBody(new ByteReader(content, r.pos, end), body, rewrite, rewrite.firstDefined + i);
    out.uleb(body.length).bytes(body.view());
    r.pos = end;
  }
  return out.finish();
}

function rewriteBody(r: ByteReader, out: ByteWriter, rewrite: CodeRewrite, funcIndex: number): void {
  const bodyStart = r.pos;
  const copier = new Copier(r.bytes, out, r.pos);
  for (let n = r.uleb(); n > 0; n--) {
    r.skipLeb(); // how many locals
    r.skipValueType();
  }
  copier.copyTo(r.pos).bytes(rewrite.fuelCheck);
  const ins: Instruction = { effect: 0, funcIndex: 0, funcIndexAt: 0 };
  const bytes = r.bytes;
  const end = r.end;
  const check = rewrite.fuelCheck;
  let pos = r.pos;
  try {
    while (pos < end) {
      // The common instructions are stepped over here, in this one loop, without calls: a guest
      // just loaded runs this before any of it is optimised, when every call costs. Anything
      // unusual (a long or truncated immediate, a rare opcode, a multi-memory memarg) goes to
      // the full decoder from the instruction's first byte, which also reports what is wrong.
      const kind = KINDS[bytes[pos]];
      let next = -1;
      switch (kind) {
        case op.NONE:
        case op.END:
          next = pos + 1;
          break;
        case op.LEB:
          next = lebEnd(bytes, pos + 1, end);
          break;
        case op.LEB2: {
          const first = lebEnd(bytes, pos + 1, end);
          if (first > 0) next = lebEnd(bytes, first, end);
          break;
        }
        case op.MEMARG:
          // Bit 6 of the alignment announces a memory index: left to the full decoder.
          if (pos + 1 < end && bytes[pos + 1] < 0x40) next = lebEnd(bytes, pos + 2, end);
          break;
        case op.BYTES4:
          if (pos + 5 <= end) next = pos + 5;
          break;
        case op.BYTES8:
          if (pos + 9 <= end) next = pos + 9;
          break;
        case op.BLOCK:
        case op.LOOP:
          // A one-byte block type: empty (0x40) or a value type; not a typed reference.
          if (pos + 1 < end && bytes[pos + 1] < 0x80 && bytes[pos + 1] !== 0x63 && bytes[pos + 1] !== 0x64) {
            next = pos + 2;
            if (kind === op.LOOP) copier.copyTo(next).bytes(check);
          }
          break;
        case op.FUNC:
          if (pos + 1 < end && bytes[pos + 1] < 0x80) {
            next = pos + 2;
            copier.replaceIndex(pos + 1, next, rewrite.renumber(bytes[pos + 1]));
          }
          break;
      }
      if (next > 0) {
        pos = next;
        continue;
      }
      r.pos = pos;
      readInstruction(r, ins);
      pos = r.pos;
      if (ins.effect === LOOP) copier.copyTo(pos).bytes(check);
      else if (ins.effect === FUNC) copier.replaceIndex(ins.funcIndexAt, pos, rewrite.renumber(ins.funcIndex));
    }
  } catch (e) {
    const where = `function ${funcIndex}`;
    if (e instanceof UnknownOpcodeError) {
      throw new InstrumentError(
        `cannot instrument guest: ${where} uses an unknown opcode ${e.opcode} (at byte ${e.offset - bodyStart} of its body)`,
        'unknown-opcode', where,
      );
    }
    if (e instanceof InstrumentError) throw new InstrumentError(`${e.message} in ${where}`, e.failure, where);
    throw e;
  }
  copier.copyTo(r.end);
}

/** Where the LEB128 starting at `p` ends, if it is complete and at most 5 bytes long; else -1. */
function lebEnd(bytes: Uint8Array, p: number, end: number): number {
  const limit = Math.min(end, p + 5);
  for (let i = p; i < limit; i++) if (bytes[i] < 0x80) return i + 1;
  return -1;
}
