/**
 * The rest of the app, stubbed: it records what reached it (the request as the guest forwarded
 * it) and answers with the response the command line describes. What the guest set before next is
 * combined with that response exactly as the core's Web layer does for Hono and fetch handlers.
 */
import { downstreamResult, withPresets, type Downstream, type ForwardedRequest, type HeaderEntries } from '@dapr-wasm/core';
import type { RequestSpec } from './request.js';

export interface ResponseSpec {
  readonly status: number;
  readonly headers: HeaderEntries;
  readonly body: Uint8Array;
}

export interface DownstreamSaw {
  readonly method: string;
  readonly uri: string;
  readonly headers: HeaderEntries;
  readonly body: Uint8Array;
  /** The guest enabled buffer_response: the response passed through it before reaching the client. */
  readonly bufferResponse: boolean;
}

export interface StubDownstream {
  readonly downstream: Downstream;
  /** What downstream received; undefined if it was never called (next=0, or a failure first). */
  saw(): DownstreamSaw | undefined;
  /** The response as streamed to the client when it was not buffered through the guest. */
  streamed(): Response | undefined;
}

const nullBodyStatus = new Set([204, 205, 304]);

export function stubDownstream(request: RequestSpec, response: ResponseSpec): StubDownstream {
  let saw: DownstreamSaw | undefined;
  let streamed: Response | undefined;
  const downstream: Downstream = async (fwd: ForwardedRequest) => {
    saw = {
      method: fwd.method ?? request.method,
      uri: fwd.uri ?? request.uri,
      headers: (fwd.headers ? fwd.headers.entries() : request.headers).map(([n, v]) => [n, v]),
      body: fwd.body ?? request.body,
      bufferResponse: fwd.bufferResponse,
    };
    const headers = new Headers();
    for (const [n, v] of response.headers) headers.append(n, v);
    const res = new Response(nullBodyStatus.has(response.status) ? null : (response.body as BodyInit), { status: response.status, headers });
    // As the core's exchangeThrough: presets apply either way; a buffered body already carries the guest's prefix.
    if (fwd.bufferResponse) return downstreamResult(withPresets(res, { ...fwd, responseBodyPrefix: undefined }), true);
    streamed = withPresets(res, fwd);
    return downstreamResult(streamed, false);
  };
  return { downstream, saw: () => saw, streamed: () => streamed };
}
