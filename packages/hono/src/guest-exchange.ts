/**
 * One Web request through a guest, for both ways of mounting it: the request goes in, the rest of
 * the app runs as `downstream`, and the Response to send comes out. This is the core's
 * `fetchThrough` plus one fix: with buffer_response, the status and headers the guest set before
 * next also reach the captured response (fetchThrough applies them only to streamed responses, so
 * a buffering guest's headers were lost; the body bytes it wrote are already prepended by the core).
 */
import {
  downstreamResult, outcomeResponse, webIncoming, withPresets, type ConnectionInfo, type ForwardedRequest,
  type WasmMiddleware,
} from '@dapr-wasm/core';

export type Downstream = (fwd: ForwardedRequest) => Promise<Response>;

/** What a response-phase trap leaves to send: the core's generic 500 (its text goes to the logger). */
function internalError(): Response {
  return new Response('Internal Server Error\n', { status: 500, headers: { 'content-type': 'text/plain; charset=utf-8' } });
}

export async function exchangeThroughGuest(
  mw: WasmMiddleware,
  request: Request,
  info: ConnectionInfo,
  downstream: Downstream,
): Promise<Response> {
  let streamed: Response | undefined;
  const outcome = await mw.handle(webIncoming(request, info), async (fwd) => {
    const res = await downstream(fwd);
    if (fwd.bufferResponse) return downstreamResult(withPresets(res, { ...fwd, responseBodyPrefix: undefined }), true);
    streamed = withPresets(res, fwd);
    return downstreamResult(streamed, false);
  });
  switch (outcome.kind) {
    case 'sent':
      return streamed!;
    case 'abort':
      // Nothing is on the wire yet with the Web API, so even this trap still becomes a clean 500.
      await streamed?.body?.cancel().catch(() => {});
      return internalError();
    default:
      return outcomeResponse(outcome);
  }
}
