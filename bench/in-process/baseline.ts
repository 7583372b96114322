/**
 * The call chain of `handle()` with the guest taken out: the middleware's async `handle`, the
 * handler's async `handle`, one awaited downstream, a result object. Subtracting it from a guest
 * row leaves what the guest and the host's ABI work cost on their own.
 */
import type { Downstream, ForwardedRequest, IncomingRequest, Outcome } from '@dapr-wasm/core';

const unchanged: ForwardedRequest = {
  method: undefined, uri: undefined, headers: undefined, body: undefined, responseStatus: undefined,
  responseHeaders: undefined, responseTrailers: undefined, responseBodyPrefix: undefined, bufferResponse: false,
};
const sent: Outcome = { kind: 'sent' };

async function innerHandle(_request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
  const result = await downstream(unchanged);
  return result.error === undefined ? sent : { kind: 'abort', error: result.error as Error };
}

export const noGuest = {
  async handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome> {
    return innerHandle(request, downstream);
  },
};
