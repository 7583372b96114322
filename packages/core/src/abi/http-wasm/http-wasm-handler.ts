/**
 * The http-wasm request lifecycle: take an instance, call handle_request, and either answer with
 * the guest's response (next=0) or run downstream and call handle_response on the same instance
 * (next=1). A trap discards the instance and becomes a failure outcome; nothing throws into the app.
 */
import { DaprWasmError, DeadlineExceeded, GuestDeadlineError, GuestTrapError, HostTrap, ProcExit, type Phase } from '../../errors.js';
import { failure } from '../../exchange/failure.js';
import type { Downstream, DownstreamResponse, HostCapabilities, IncomingRequest, Outcome } from '../../exchange/port.js';
import { HeaderFields } from '../../exchange/header-fields.js';
import { untouchedRequest } from '../../exchange/untouched.js';
import { LOG_LEVEL_ERROR, LOG_LEVEL_WARN } from '../../logger.js';
import type { GuestPool } from '../../pool/guest-pool.js';
import type { CompiledGuest } from '../../wasm/compile.js';
import type { GuestEnvironment, GuestInstance } from './guest-instance.js';
import { RequestState } from './request-state.js';

export interface HandlerSettings {
  readonly maxBodyBytes: number;
  readonly exposeErrors: boolean;
  readonly capabilities: HostCapabilities;
  /** 'open': when the guest fails, serve the request as if it were not there (as Envoy's fail_open). */
  readonly failurePolicy: 'closed' | 'open';
}

const LOW32 = 0xffff_ffffn;
const SENT: Outcome = Object.freeze({ kind: 'sent' });
let requestCounter = 0;

/** Describes a guest trap with the phase and, for host traps, what the host refused. */
export function trapError(err: unknown, phase: Phase, guestName: string): GuestTrapError {
  if (err instanceof GuestTrapError) return err;
  if (err instanceof DeadlineExceeded) {
    return new GuestDeadlineError(`guest ${guestName} stopped in ${phase}: ${err.message}`, { phase, culprit: 'deadlineMs', cause: err });
  }
  const why =
    err instanceof HostTrap ? `host function trapped the guest: ${err.message}`
    : err instanceof ProcExit ? err.message
    : err instanceof RangeError ? `${err.message} (stack exhausted)`
    : (err as Error)?.message ?? String(err);
  return new GuestTrapError(`guest ${guestName} trapped in ${phase}: ${why}`, { phase, culprit: phase, cause: err });
}

export class HttpWasmHandler {
  constructor(
    private readonly pool: GuestPool<GuestInstance>,
    private readonly compiled: CompiledGuest,
    private readonly env: GuestEnvironment,
    private readonly settings: HandlerSettings,
  ) {}

  private fail(error: Error): Outcome {
    const level = error instanceof GuestTrapError ? LOG_LEVEL_ERROR : LOG_LEVEL_WARN;
    if (this.env.logger.enabled(level)) {
      const fields: Record<string, unknown> = { phase: (error as DaprWasmError).phase };
      if (error instanceof DaprWasmError) fields.code = error.code;
      this.env.logger.log(level, error.message, fields);
    }
    return failure(error, this.settings.exposeErrors);
  }

  async handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
    // The body a guest may read is read first, so a slow upload holds no guest instance.
    let body: Uint8Array | undefined;
    if (this.compiled.readsBody && request.hasBody) {
      try {
        body = await request.readBody(this.settings.maxBodyBytes);
      } catch (err) {
        return this.fail(err instanceof DaprWasmError ? err : new DaprWasmError(`reading the request body failed: ${(err as Error).message}`, { phase: 'request', cause: err }));
      }
    }

    let guest: GuestInstance;
    try {
      guest = this.pool.tryAcquire() ?? (await this.pool.acquire());
    } catch (err) {
      return this.failOpen(err as Error, downstream, body);
    }

    const state = new RequestState(request, this.env.initFeatures, this.settings.capabilities, this.settings.maxBodyBytes);
    state.requestBody = body;

    guest.state = state;
    guest.requestTag = ++requestCounter;
    let ctxNext: bigint;
    try {
      guest.arm();
      ctxNext = guest.handleRequest();
    } catch (err) {
      this.finish(guest, false);
      return this.failOpen(trapError(err, 'handle_request', this.compiled.name), downstream, state.requestBody);
    }

    // "next" is the low 32 bits alone; the high 32 are the guest's context for handle_response.
    // The two common values (0 and 1) are recognised without BigInt arithmetic.
    let reqCtx = 0;
    if (ctxNext !== 1n) {
      const u64 = ctxNext === 0n ? 0n : BigInt.asUintN(64, ctxNext);
      if ((u64 & LOW32) === 0n) {
        this.finish(guest, true);
        return state.response();
      }
      reqCtx = Number(u64 >> 32n) | 0;
    }
    const forwarded = state.forward();

    let result: DownstreamResponse;
    try {
      result = await downstream(forwarded);
    } catch (err) {
      result = { status: 500, headers: () => [], body: forwarded.bufferResponse ? new Uint8Array(0) : undefined, error: err };
    }

    state.enterResponsePhase(result);
    try {
      guest.arm();
      guest.handleResponse(reqCtx, result.error === undefined ? 0 : 1);
    } catch (err) {
      this.finish(guest, false);
      const error = trapError(err, 'handle_response', this.compiled.name);
      if (this.settings.failurePolicy === 'open') {
        this.fail(error);
        // Fail open: the captured downstream response goes out as the app produced it.
        return forwarded.bufferResponse
          ? { kind: 'respond', status: result.status, headers: new HeaderFields(result.headers()), body: result.body ?? new Uint8Array(0), trailers: undefined }
          : { kind: 'sent' };
      }
      // Without buffering the response is already on the wire: all that is left is to abort it.
      return forwarded.bufferResponse ? this.fail(error) : (this.fail(error), { kind: 'abort', error });
    }
    this.finish(guest, true);
    if (forwarded.bufferResponse) return state.response();
    if (result.error !== undefined) {
      const error = result.error instanceof Error ? result.error : new Error(String(result.error));
      return this.fail(new DaprWasmError(`downstream handler failed: ${error.message}`, { phase: 'downstream', cause: error }));
    }
    return SENT;
  }

  /** Fails closed (an error response) or, by policy, open: downstream serves the untouched request. */
  private async failOpen(error: Error, downstream: Downstream, body: Uint8Array | undefined): Promise<Outcome> {
    const closed = this.fail(error);
    if (this.settings.failurePolicy !== 'open' || closed.kind !== 'fail' || closed.status === 413) return closed;
    try {
      const result = await downstream(untouchedRequest(body));
      return result.error === undefined ? { kind: 'sent' } : closed;
    } catch {
      return closed;
    }
  }

  private finish(guest: GuestInstance, healthy: boolean): void {
    guest.stdio.flush();
    guest.state = undefined;
    guest.requestTag = undefined;
    this.pool.release(guest, healthy);
  }
}
