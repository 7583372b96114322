/**
 * Puts the middleware's Outcome on ctx, for Koa to send once the middleware chain has returned.
 * Nothing has reached the client at this point (unless an app wrote to ctx.res behind Koa's
 * back), so even a failure after downstream ran can still be an ordinary error response.
 */
import { failure, type HeaderFields, type Outcome } from '@dapr-wasm/core';
import { clearResponseHeaders, setResponseHeaders } from '@dapr-wasm/core/node';
import type { Context } from 'koa';

const BODILESS = new Set([204, 205, 304]);

/** Replaces the whole response: status, every header, and the body as bytes. */
function replaceResponse(ctx: Context, status: number, headers: HeaderFields, body: Uint8Array): void {
  ctx.status = status;
  const bodiless = BODILESS.has(status) || status < 200;
  ctx.body = bodiless ? null : Buffer.from(body.buffer, body.byteOffset, body.byteLength);
  // After the body: Koa's body setter adds a Content-Type of its own, and the guest's set is final.
  clearResponseHeaders(ctx.res);
  setResponseHeaders(ctx.res, headers);
  ctx.remove('Transfer-Encoding');
  // Koa sends no trailers, so an announcement of them would make Node refuse the response.
  ctx.remove('Trailer');
  if (bodiless) ctx.remove('Content-Length');
  else ctx.length = body.length;
}

/**
 * The answer to a guest that failed after downstream ran without buffering: nothing was sent yet,
 * so it is the core's ordinary failure response (504 for a runaway, 500 for a trap).
 */
function lateFailure(ctx: Context, error: Error): void {
  const f = failure(error, false) as Extract<ReturnType<typeof failure>, { kind: 'fail' }>;
  replaceResponse(ctx, f.status, f.headers, f.body);
}

export function applyOutcome(ctx: Context, outcome: Outcome): void {
  switch (outcome.kind) {
    case 'sent':
      return;
    case 'abort':
      if (ctx.headerSent) ctx.res.destroy(outcome.error);
      else lateFailure(ctx, outcome.error);
      return;
    case 'fail':
      if (ctx.headerSent) {
        ctx.res.destroy(outcome.error);
        return;
      }
      replaceResponse(ctx, outcome.status, outcome.headers, outcome.body);
      return;
    case 'respond':
      if (!ctx.headerSent) replaceResponse(ctx, outcome.status, outcome.headers, outcome.body);
  }
}
