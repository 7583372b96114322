/**
 * Constant expressions (global initialisers, element items and offsets, table initialisers) may
 * hold `ref.func`, so they are decoded like code, up to the `end` that closes them.
 */
import type { ByteReader } from './byte-reader.js';
import type { ByteWriter } from './byte-writer.js';
import { InstrumentError, UnknownOpcodeError } from './errors.js';
import { CLOSES, FUNC, LOOP, OPENS, readInstruction, type Instruction } from './instruction.js';
import { Copier, type Renumber } from './renumber.js';

/** Copies the expression at `r.pos` to `out` with its function indices renumbered. */
export function copyConstExpr(r: ByteReader, out: ByteWriter, renumber: Renumber, where: string): void {
  const copier = new Copier(r.bytes, out, r.pos);
  const ins: Instruction = { effect: 0, funcIndex: 0, funcIndexAt: 0 };
  let depth = 0;
  for (;;) {
    try {
      readInstruction(r, ins);
    } catch (e) {
      if (e instanceof UnknownOpcodeError) {
        throw new InstrumentError(`cannot instrument guest: ${e.message} in ${where}`, 'unknown-opcode', where);
      }
      throw e;
    }
    if (ins.effect === FUNC) copier.replaceIndex(ins.funcIndexAt, r.pos, renumber(ins.funcIndex));
    else if (ins.effect === OPENS || ins.effect === LOOP) depth++;
    else if (ins.effect === CLOSES && depth-- === 0) break;
  }
  copier.copyTo(r.pos);
}
