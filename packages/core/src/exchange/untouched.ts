import type { ForwardedRequest } from './port.js';

/** What downstream gets when a failed guest is bypassed (failurePolicy 'open'): the request as it arrived. */
export function untouchedRequest(body: Uint8Array | undefined): ForwardedRequest {
  return {
    method: undefined, uri: undefined, headers: undefined, body,
    responseStatus: undefined, responseHeaders: undefined, responseTrailers: undefined, responseBodyPrefix: undefined,
    bufferResponse: false,
  };
}
