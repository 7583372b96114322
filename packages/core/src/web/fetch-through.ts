/**
 * Runs one Web request through a guest in front of any `fetch`-shaped handler: a Hono app, a
 * Workers/Bun/Deno fetch handler, or an outbound `fetch`. With the Web API nothing is on the wire
 * until the Response is returned, so even a trap in handle_response can still become a clean 500.
 */
import { GuestTrapError } from '../errors.js';
import { failure } from '../exchange/failure.js';
import type { ForwardedRequest } from '../exchange/port.js';
import type { WasmMiddleware } from '../middleware.js';
import { forwardedRequest } from './forward.js';
import { webIncoming, type ConnectionInfo } from './incoming.js';
import { downstreamResult, outcomeResponse, withPresets } from './response.js';

export type FetchHandler = (request: Request) => Promise<Response> | Response;

/** Runs the rest of the app for what the guest forwarded (how is the caller's: fetch, re-dispatch, next()). */
export type WebDownstream = (fwd: ForwardedRequest) => Promise<Response>;

export async function exchangeThrough(
  mw: WasmMiddleware,
  request: Request,
  downstream: WebDownstream,
  info?: ConnectionInfo,
  options: { exposeErrors?: boolean } = {},
): Promise<Response> {
  let streamed: Response | undefined;
  const outcome = await mw.handle(webIncoming(request, info), async (fwd) => {
    const res = await downstream(fwd);
    // Headers and status the guest set before next apply either way; its body bytes are already
    // put in front of a buffered body by the core when the response phase starts.
    if (fwd.bufferResponse) return downstreamResult(withPresets(res, { ...fwd, responseBodyPrefix: undefined }), true);
    streamed = withPresets(res, fwd);
    return downstreamResult(streamed, false);
  });
  switch (outcome.kind) {
    case 'sent':
      return streamed!;
    case 'abort': {
      await streamed?.body?.cancel().catch(() => {});
      const error = outcome.error instanceof GuestTrapError ? outcome.error : new GuestTrapError(outcome.error.message, { phase: 'handle_response', cause: outcome.error });
      return outcomeResponse(failure(error, options.exposeErrors ?? false) as Extract<ReturnType<typeof failure>, { kind: 'fail' }>);
    }
    default:
      return outcomeResponse(outcome);
  }
}

/** A guest in front of a fetch handler: the handler receives the Request the guest forwarded. */
export function fetchThrough(
  mw: WasmMiddleware,
  request: Request,
  next: FetchHandler,
  info?: ConnectionInfo,
  options: { exposeErrors?: boolean } = {},
): Promise<Response> {
  return exchangeThrough(mw, request, async (fwd) => next(forwardedRequest(request, fwd)), info, options);
}
