/**
 * Why a guest could not be instrumented. The loader decides what to do with it: refuse the guest
 * (the safe default, since an uninstrumented guest cannot be stopped at its deadline), or run it
 * uninstrumented when the operator asked for that.
 */
import { DaprWasmError } from '../../errors.js';

export type InstrumentFailure =
  /** The code uses an instruction this decoder does not know, so it cannot be rewritten safely. */
  | 'unknown-opcode'
  /** The module uses a feature the rewriter does not handle (GC types, custom page sizes). */
  | 'unsupported-feature'
  /** A defined memory starts larger than `maxMemoryPages`. */
  | 'memory-exceeds-cap'
  /** The module already carries the fuel global or import. */
  | 'already-instrumented'
  /** The bytes are not a well-formed module. */
  | 'malformed';

export class InstrumentError extends DaprWasmError {
  override name = 'InstrumentError';
  override readonly code = 'DAPR_WASM_INSTRUMENT';
  readonly failure: InstrumentFailure;

  constructor(message: string, failure: InstrumentFailure, culprit?: string) {
    super(message, { phase: 'compile', culprit });
    this.failure = failure;
  }
}

/** Thrown by the decoder; the caller adds which function or expression it was reading. */
export class UnknownOpcodeError extends Error {
  override name = 'UnknownOpcodeError';
  constructor(readonly opcode: string, readonly offset: number) {
    super(`unknown opcode ${opcode} at byte offset ${offset}`);
  }
}
