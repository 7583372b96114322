/**
 * The rest of the Koa app as the core's Downstream: it gets the request the guest forwarded, runs
 * `next`, and describes what downstream left on ctx. Koa sends a response only after every
 * middleware returned, so the description is complete as soon as `next` settles. A downstream that
 * takes over the node response (`ctx.respond = false`) is observed on ctx.res instead.
 */
import type { Downstream, DownstreamResponse, ForwardedRequest } from '@dapr-wasm/core';
import {
  applyForwarded, captureResponse, observeResponse, responseFieldLines, setResponseHeaders, watchResponse, type ResponseTap,
} from '@dapr-wasm/core/node';
import type { Context, Next } from 'koa';
import { drainBody, prependBody } from './response-body.js';

/** What happened downstream, beyond what the core needs to know. */
export interface DownstreamRun {
  /** Downstream threw: the error goes back to Koa once the guest has seen it (isError=1). */
  failed?: { readonly error: unknown };
  /** Downstream answered on ctx.res itself: the outcome is sent on the node response, through this tap. */
  raw?: ResponseTap;
}

/** The status Koa's error handler would answer a thrown error with. */
function errorStatus(error: unknown): number {
  const e = error as { status?: unknown; statusCode?: unknown } | null;
  const status = e?.status ?? e?.statusCode;
  return typeof status === 'number' && Number.isInteger(status) && status >= 400 && status <= 599 ? status : 500;
}

/** Response status and headers the guest set before next, in place before downstream runs. */
function applyPresets(ctx: Context, fwd: ForwardedRequest): void {
  if (fwd.responseHeaders) setResponseHeaders(ctx.res, fwd.responseHeaders);
  // A guest that wrote body bytes has started the response, as a 200 unless it said otherwise;
  // set through ctx so Koa treats the status as explicit and keeps it when downstream sets a body.
  const status = fwd.responseStatus ?? (fwd.responseBodyPrefix?.length ? 200 : undefined);
  if (status !== undefined) ctx.status = status;
}

async function bufferedResponse(ctx: Context, fwd: ForwardedRequest): Promise<DownstreamResponse> {
  const body = await drainBody(ctx, Boolean(fwd.responseBodyPrefix?.length));
  return { status: ctx.status, headers: () => responseFieldLines(ctx.res), body };
}

function streamedResponse(ctx: Context, fwd: ForwardedRequest): DownstreamResponse {
  const prefix = fwd.responseBodyPrefix;
  if (prefix?.length) prependBody(ctx, Buffer.from(prefix.buffer, prefix.byteOffset, prefix.byteLength));
  return { status: ctx.status, headers: () => responseFieldLines(ctx.res) };
}

export function koaDownstream(ctx: Context, next: Next, run: DownstreamRun): Downstream {
  return async (fwd) => {
    // ctx.path, ctx.querystring, ctx.method and ctx.headers all read through ctx.req, so the
    // rewrite is what routers and body parsers mounted later see.
    applyForwarded(ctx.req, fwd);
    applyPresets(ctx, fwd);
    // Installed before next when the guest's response work must intercept writes (a downstream
    // with ctx.respond = false writes while next runs); otherwise a rare raw response is only
    // observed afterwards, which keeps the common path free of listeners.
    const intercept = fwd.bufferResponse || Boolean(fwd.responseBodyPrefix?.length) || fwd.responseTrailers !== undefined;
    const tap = intercept ? (fwd.bufferResponse ? captureResponse(ctx.res, fwd) : watchResponse(ctx.res, fwd)) : undefined;
    try {
      await next();
      if (ctx.respond === false) {
        run.raw = tap ?? observeResponse(ctx.res);
        return await run.raw.result;
      }
      tap?.restore();
      return fwd.bufferResponse ? await bufferedResponse(ctx, fwd) : streamedResponse(ctx, fwd);
    } catch (error) {
      tap?.restore();
      run.failed = { error };
      return {
        status: errorStatus(error),
        headers: () => responseFieldLines(ctx.res),
        body: fwd.bufferResponse ? new Uint8Array(0) : undefined,
        error,
      };
    }
  };
}
