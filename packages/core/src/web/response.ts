/**
 * Web `Response` on both sides of the guest: what downstream produced (DownstreamResponse) and
 * what to send (from an Outcome).
 */
import type { HeaderFields } from '../exchange/header-fields.js';
import type { DownstreamResponse, ForwardedRequest, Outcome } from '../exchange/port.js';
import { headerLines } from './incoming.js';

const nullBodyStatus = new Set([101, 103, 204, 205, 304]);

export async function downstreamResult(res: Response, buffer: boolean): Promise<DownstreamResponse> {
  const body = buffer ? new Uint8Array(await res.arrayBuffer()) : undefined;
  return { status: res.status, headers: () => headerLines(res.headers), body };
}

function toHeaders(fields: HeaderFields): Headers {
  const h = new Headers();
  for (const [n, v] of fields.entries()) h.append(n, v);
  return h;
}

export function responseOf(status: number, headers: Headers, body: BodyInit | null): Response {
  return new Response(nullBodyStatus.has(status) ? null : body, { status, headers });
}

/** The Response for a 'respond' or 'fail' outcome. */
export function outcomeResponse(outcome: Extract<Outcome, { kind: 'respond' | 'fail' }>): Response {
  const headers = toHeaders(outcome.headers);
  headers.delete('content-length');
  headers.delete('transfer-encoding');
  return responseOf(outcome.status, headers, outcome.body as BodyInit);
}

/**
 * A streamed (unbuffered) downstream response with what the guest set before next: its status wins
 * (as when the reference host commits it before next), its headers fill in names downstream did not
 * set, and its body bytes go first.
 */
export function withPresets(res: Response, fwd: ForwardedRequest): Response {
  const prefix = fwd.responseBodyPrefix;
  if (fwd.responseStatus === undefined && !fwd.responseHeaders && !prefix?.length) return res;
  // Only headers to add: set them on the response itself, as a Hono middleware would with
  // c.header(). Rebuilding it would read `res.body`, which turns a server's cheap string response
  // (@hono/node-server's, Bun's) into a stream to pipe. A fetched response's headers are
  // immutable: then, and for a new status or body, the response is rebuilt.
  if (!prefix?.length && (fwd.responseStatus === undefined || fwd.responseStatus === res.status) && fillHeaders(res.headers, fwd)) return res;
  const headers = new Headers(res.headers);
  fillHeaders(headers, fwd);
  let body: BodyInit | null = res.body;
  if (prefix?.length) {
    headers.delete('content-length');
    body = res.body ? prefixed(prefix, res.body) : (prefix as BodyInit);
  }
  return responseOf(fwd.responseStatus ?? res.status, headers, body);
}

/** Adds the guest's response headers whose names downstream did not set; false if `headers` is immutable. */
function fillHeaders(headers: Headers, fwd: ForwardedRequest): boolean {
  if (!fwd.responseHeaders) return true;
  try {
    for (const [name, values] of fwd.responseHeaders.grouped()) {
      if (headers.has(name)) continue;
      for (const v of values) headers.append(name, v);
    }
    return true;
  } catch (err) {
    if (err instanceof TypeError) return false; // immutable guard: nothing was added before the first append threw
    throw err;
  }
}

function prefixed(prefix: Uint8Array, rest: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = rest.getReader();
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (first) {
        first = false;
        controller.enqueue(prefix);
        return;
      }
      const { done, value } = await reader.read();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}

