/**
 * Runs one Web request through a guest in front of any `fetch`-shaped handler: a Hono app, a
 * Workers/Bun/Deno fetch handler, or an outbound `fetch`. With the Web API nothing is on the wire
 * until the Response is returned, so even a trap in handle_response can still become a clean 500.
 */
import { GuestTrapError } from '../errors.js';
import { failure } from '../exchange/failure.js';
import type { WasmMiddleware } from '../middleware.js';
import { forwardedRequest } from './forward.js';
import { webIncoming, type ConnectionInfo } from './incoming.js';
import { downstreamResult, outcomeResponse, withPresets } from './response.js';

export type FetchHandler = (request: Request) => Promise<Response> | Response;

export async function fetchThrough(
  mw: WasmMiddleware,
  request: Request,
  next: FetchHandler,
  info?: ConnectionInfo,
  options: { exposeErrors?: boolean } = {},
): Promise<Response> {
  let streamed: Response | undefined;
  const outcome = await mw.handle(webIncoming(request, info), async (fwd) => {
    const res = await next(forwardedRequest(request, fwd));
    if (fwd.bufferResponse) return downstreamResult(res, true);
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
