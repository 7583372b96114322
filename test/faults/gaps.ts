/**
 * Faults whose defined answer the host does not give yet, in one place. A listed case runs as
 * `it.fails` on the targets named, so it turns red the day the gap closes and the entry must go.
 * Each entry says what should happen, what happens, and where the fix belongs.
 */
export interface Gap {
  /** The fault case's id (`area/what`). */
  readonly id: string;
  /** Targets where it fails; 'all' for every target. */
  readonly targets: readonly string[] | 'all';
  readonly gap: string;
}

export const gaps: readonly Gap[] = [
  {
    id: 'clients/abort-mid-upload',
    targets: ['hono-node-h2'],
    gap:
      'over HTTP/2 a client that resets its stream mid-upload leaves the guest instance in use for good, and ' +
      'close() never resolves: @hono/node-server aborts the Request\'s signal but its body stream neither ends ' +
      'nor errors, and readWebBody (packages/core/src/web/incoming.ts) waits on reader.read() without watching ' +
      'request.signal. Racing the read against the signal (and a body-read timeout) releases it.',
  },
  {
    id: 'clients/slow-upload-holds-no-instance',
    targets: 'all',
    gap:
      'a request whose body is still arriving holds a guest instance: the handler acquires the instance before ' +
      'reading the body (packages/core/src/abi/http-wasm/http-wasm-handler.ts handle()), so poolSize slow uploads ' +
      'make every other request wait acquireTimeoutMs and get 503. Reading the body first frees the pool.',
  },
  {
    id: 'status/unsendable',
    targets: 'all',
    gap:
      'set_status_code accepts 100-999 (exchange/http-syntax.ts isStatusCode), but a 1xx is not a final response ' +
      '(node sends it as interim: the client gets a bad response or waits forever; Koa answers 204) and a Web ' +
      'Response takes only 200-599 (web/response.ts throws RangeError out of exchangeThrough, so Hono\'s error ' +
      'handler answers with an empty 500). A guest status the server cannot send should trap like 99 does.',
  },
  {
    id: 'deadline/handle_response-unbuffered',
    targets: ['koa3', 'koa2'],
    gap:
      'a runaway in handle_response without buffer_response is answered 500, not 504: packages/koa/src/outcome.ts ' +
      'lateFailure() writes 500 for every late failure instead of failure(error).status.',
  },
];

export function gapFor(id: string, target: string): Gap | undefined {
  return gaps.find((g) => g.id === id && (g.targets === 'all' || g.targets.includes(target)));
}

