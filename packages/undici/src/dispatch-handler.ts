/**
 * undici calls an interceptor with either handler style: the v7 one (onRequestStart,
 * onResponseStart, onResponseData, onResponseEnd, onResponseError) or the legacy one (onConnect,
 * onHeaders, onData, onComplete, onError) that `request()` and `fetch()` still pass. The
 * interceptor speaks v7 only; legacy handlers are adapted here.
 */
export type ResponseHeaders = Record<string, string | string[]>;

export interface DispatchController {
  abort(reason: Error): void;
  pause(): void;
  resume(): void;
  readonly aborted: boolean;
  readonly paused: boolean;
  readonly reason: Error | null;
}

export interface ResponseHandler {
  onRequestStart?(controller: DispatchController, context: unknown): void;
  onResponseStart?(controller: DispatchController, status: number, headers: ResponseHeaders, statusMessage?: string): void;
  onResponseData?(controller: DispatchController, chunk: Buffer): void;
  onResponseEnd?(controller: DispatchController, trailers: ResponseHeaders): void;
  onResponseError?(controller: DispatchController, error: Error): void;
}

interface LegacyHandler {
  onConnect?(abort: (reason?: Error) => void, context?: unknown): void;
  onHeaders?(status: number, rawHeaders: Buffer[], resume: () => void, statusText?: string): boolean | void;
  onData?(chunk: Buffer): boolean | void;
  onComplete?(trailers: Buffer[]): void;
  onError?(error: Error): void;
}

function rawHeaders(headers: ResponseHeaders): Buffer[] {
  const out: Buffer[] = [];
  for (const [k, v] of Object.entries(headers)) {
    for (const item of Array.isArray(v) ? v : [v]) out.push(Buffer.from(k, 'latin1'), Buffer.from(item, 'latin1'));
  }
  return out;
}

export function asResponseHandler(handler: ResponseHandler | LegacyHandler): ResponseHandler {
  if ('onRequestStart' in handler || 'onResponseStart' in handler) return handler as ResponseHandler;
  const h = handler as LegacyHandler;
  return {
    onRequestStart: (c, ctx) => h.onConnect?.((reason) => c.abort(reason ?? new Error('aborted')), ctx),
    onResponseStart: (c, status, headers, msg) => {
      if (h.onHeaders?.(status, rawHeaders(headers), () => c.resume(), msg) === false) c.pause();
    },
    onResponseData: (c, chunk) => {
      if (h.onData?.(chunk) === false) c.pause();
    },
    onResponseEnd: (_c, trailers) => h.onComplete?.(rawHeaders(trailers)),
    onResponseError: (_c, err) => {
      if (!h.onError) throw err;
      h.onError(err);
    },
  };
}

/**
 * The controller the caller's handler holds. The guest runs before the upstream request exists,
 * so abort/pause/resume are relayed to the upstream controller once there is one.
 */
export class RelayController implements DispatchController {
  private upstream: DispatchController | undefined;
  aborted = false;
  paused = false;
  reason: Error | null = null;

  attach(upstream: DispatchController): void {
    this.upstream = upstream;
    if (this.aborted) upstream.abort(this.reason!);
    else if (this.paused) upstream.pause();
  }

  abort(reason: Error): void {
    if (this.aborted) return;
    this.aborted = true;
    this.reason = reason ?? new Error('aborted');
    this.upstream?.abort(this.reason);
  }

  pause(): void {
    this.paused = true;
    this.upstream?.pause();
  }

  resume(): void {
    this.paused = false;
    this.upstream?.resume();
  }
}
