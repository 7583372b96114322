// Handler registration and the two lifecycle exports the host calls.
//
//   handleRequest((req, res) => { ...; return next(); });      // or respond()
//   handleResponse((req, res, ctx, isError) => { ... });
//
// The guest's entry file must re-export the lifecycle functions (AssemblyScript turns only the
// entry file's exports into wasm exports):
//
//   export * from "@dapr-wasm/guest/assembly/exports";
import { Request } from "./request";
import { Response } from "./response";

/** The packed result of handle_request: ctx in the high 32 bits, next in the low 32 bits. */
export type CtxNext = i64;

/** Decides what happens to a request: return next(ctx) or respond(). */
export type RequestHandler = (req: Request, res: Response) => CtxNext;

/** Runs after the next handler when the request handler returned next(); `ctx` is what it passed. */
export type ResponseHandler = (req: Request, res: Response, ctx: u32, isError: bool) => void;

/**
 * Continue to the next handler on the host. `ctx` travels to the response handler, e.g. to
 * correlate per-request state kept in a global map.
 */
export function next(ctx: u32 = 0): CtxNext {
  return (<i64>ctx << 32) | 1;
}

/** Skip the next handler: the host sends what the guest set (an empty 200 by default). */
export function respond(): CtxNext {
  return 0;
}

function proceed(req: Request, res: Response): CtxNext {
  return next();
}

function ignore(req: Request, res: Response, ctx: u32, isError: bool): void {}

let onRequest: RequestHandler = proceed;
let onResponse: ResponseHandler = ignore;

/** Registers the request handler; without one, every request goes to the next handler. */
export function handleRequest(handler: RequestHandler): void {
  onRequest = handler;
}

/** Registers the response handler; without one, handle_response does nothing. */
export function handleResponse(handler: ResponseHandler): void {
  onResponse = handler;
}

// The value of ASC_RUNTIME for `--runtime minimal` (std/assembly/shared/runtime.ts).
const RUNTIME_MINIMAL = 1;

/**
 * Frees what the phase allocated. The minimal runtime collects only when asked, and the end of a
 * lifecycle export is the one point where no object lives in a local; state meant to outlive the
 * phase is reachable from globals, which are roots. Other runtimes compile this away: the stub
 * never frees and the incremental collector runs by itself.
 */
// @ts-ignore: decorator
@inline function reclaim(): void {
  // @ts-ignore: __collect is declared by the runtime (std/assembly/rt/index.d.ts), not the editor types
  if (ASC_RUNTIME == RUNTIME_MINIMAL) __collect();
}

/** Lifecycle export: the host calls this for each request. */
export function handle_request(): CtxNext {
  // Fresh objects per phase: Body tracks end-of-stream, which must not leak into the next phase.
  const ctxNext = onRequest(new Request(), new Response());
  reclaim();
  return ctxNext;
}

/** Lifecycle export: the host calls this after the next handler when handle_request chose next. */
export function handle_response(reqCtx: i32, isError: i32): void {
  onResponse(new Request(), new Response(), <u32>reqCtx, isError != 0);
  reclaim();
}
