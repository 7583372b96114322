/**
 * Every failure this package reports is a DaprWasmError with a stable `code`, a literal `name`,
 * the lifecycle `phase` it happened in, and (where there is one) the `culprit`: the export, import,
 * host function or source at fault. Messages are for operators; codes are for programs.
 */
export type Phase =
  | 'load'
  | 'compile'
  | 'link'
  | 'instantiate'
  | 'handle_request'
  | 'handle_response'
  | 'downstream'
  | 'pool'
  | 'request';

export interface DaprWasmErrorOptions {
  phase: Phase;
  culprit?: string;
  cause?: unknown;
}

export class DaprWasmError extends Error {
  override name = 'DaprWasmError';
  readonly code: string = 'DAPR_WASM_ERROR';
  readonly phase: Phase;
  readonly culprit: string | undefined;

  constructor(message: string, options: DaprWasmErrorOptions) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.phase = options.phase;
    this.culprit = options.culprit;
  }
}

/** The guest's bytes could not be fetched or read (file, http(s), bad source option). */
export class GuestLoadError extends DaprWasmError {
  override name = 'GuestLoadError';
  override readonly code = 'DAPR_WASM_LOAD';
}

/** The bytes are not a valid module, or its exports do not match the ABI. */
export class GuestCompileError extends DaprWasmError {
  override name = 'GuestCompileError';
  override readonly code = 'DAPR_WASM_COMPILE';
}

/** The guest imports something the host does not provide. `missing` lists every such import. */
export class GuestLinkError extends DaprWasmError {
  override name = 'GuestLinkError';
  override readonly code = 'DAPR_WASM_LINK';
  readonly missing: readonly string[];
  constructor(message: string, missing: readonly string[], options: DaprWasmErrorOptions) {
    super(message, options);
    this.missing = missing;
  }
}

/** Instantiation, a start function, `_initialize` or `_start` failed. */
export class GuestInstantiateError extends DaprWasmError {
  override name = 'GuestInstantiateError';
  override readonly code = 'DAPR_WASM_INSTANTIATE';
}

/** The guest trapped (or a host function trapped it) while handling a request. */
export class GuestTrapError extends DaprWasmError {
  override name = 'GuestTrapError';
  override readonly code: string = 'DAPR_WASM_TRAP';
}

/** The guest ran past its deadline (a runaway loop) and was stopped. Answered 504. */
export class GuestDeadlineError extends GuestTrapError {
  override name = 'GuestDeadlineError';
  override readonly code = 'DAPR_WASM_DEADLINE';
}

/** No instance became free in time, or the wait queue is full. Answered 503. */
export class PoolExhaustedError extends DaprWasmError {
  override name = 'PoolExhaustedError';
  override readonly code = 'DAPR_WASM_POOL_EXHAUSTED';
}

/** The middleware was closed; no new requests are accepted. */
export class MiddlewareClosedError extends DaprWasmError {
  override name = 'MiddlewareClosedError';
  override readonly code = 'DAPR_WASM_CLOSED';
}

/** A request body the guest must read is larger than `maxBodyBytes`. Answered 413. */
export class BodyTooLargeError extends DaprWasmError {
  override name = 'BodyTooLargeError';
  override readonly code = 'DAPR_WASM_BODY_TOO_LARGE';
}

/**
 * Thrown inside a host function to trap the guest. It never escapes to the app: the host turns it
 * into a GuestTrapError naming the host function.
 */
export class HostTrap extends Error {
  override name = 'HostTrap';
}

/** Thrown inside the fuel hook to stop a guest that ran past its deadline. */
export class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
  constructor(readonly deadlineMs: number) {
    super(`guest ran longer than its deadline of ${deadlineMs} ms`);
  }
}

/** Thrown by WASI `proc_exit`: unwinds the guest with an exit code. */
export class ProcExit extends Error {
  override name = 'ProcExit';
  constructor(readonly exitCode: number) {
    super(`guest called proc_exit(${exitCode})`);
  }
}
