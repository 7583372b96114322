/**
 * Rewrites every function body: the fuel check after the local declarations and after each
 * loop's block type, and renumbered `call`, `return_call` and `ref.func`. Everything else is
 * copied; only each body's size and the section's size are re-encoded.
 */
import { ByteReader } from './byte-reader.js';
import { ByteWriter } from './byte-writer.js';
import { InstrumentError, UnknownOpcodeError } from './errors.js';
import { FUNC, LOOP, readInstruction, type Instruction } from './instruction.js';
import { Copier, type Renumber } from './renumber.js';

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
  try {
    while (r.pos < r.end) {
      readInstruction(r, ins);
      if (ins.effect === LOOP) copier.copyTo(r.pos).bytes(rewrite.fuelCheck);
      else if (ins.effect === FUNC) copier.replaceIndex(ins.funcIndexAt, r.pos, rewrite.renumber(ins.funcIndex));
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
