/**
 * The port: the only types a framework adapter deals with. An adapter describes the incoming
 * request (IncomingRequest), knows how to run the rest of its app (Downstream), and sends what the
 * middleware decides (Outcome). It holds no ABI logic; every ABI rule lives behind
 * WasmMiddleware.handle.
 */
import type { HeaderEntries, HeaderFields } from './header-fields.js';

export interface IncomingRequest {
  readonly method: string;
  /** The raw request-target as received, query included, never decoded. */
  readonly uri: string;
  /** e.g. "HTTP/1.1", "HTTP/2.0". */
  readonly protocol: string;
  /** Client address and port as the runtime reports them; formatted to `ip:port` by the core. */
  readonly remoteAddress?: string | undefined;
  readonly remotePort?: number | undefined;
  /** Header field lines, one entry per line. Called only if the guest looks at request headers. */
  headers(): HeaderEntries;
  /** Trailer field lines; only meaningful once the body was read. */
  trailers?(): HeaderEntries;
  /** Whether the request may carry a body (has Content-Length > 0 or Transfer-Encoding). */
  readonly hasBody: boolean;
  /**
   * Reads the whole request body. Called only when the guest imports `read_body` and the request
   * has a body. Must reject with BodyTooLargeError beyond `limit` bytes.
   */
  readBody(limit: number): Promise<Uint8Array>;
}

/** What reaches the rest of the app when the guest returns next=1. `undefined` means unchanged. */
export interface ForwardedRequest {
  readonly method: string | undefined;
  readonly uri: string | undefined;
  /** The complete header set, present only when the guest changed request headers. */
  readonly headers: HeaderFields | undefined;
  /**
   * The body downstream must read instead of the original stream: what the guest wrote, or what
   * the host buffered for the guest (replayed whole with buffer_request, else what the guest left).
   */
  readonly body: Uint8Array | undefined;
  /** Response status the guest set before next (downstream may still set its own). */
  readonly responseStatus: number | undefined;
  /** Response headers the guest set before next, applied before downstream runs. */
  readonly responseHeaders: HeaderFields | undefined;
  /** Response trailers the guest set before next. */
  readonly responseTrailers: HeaderFields | undefined;
  /** Body bytes the guest wrote before next, sent ahead of whatever downstream writes. */
  readonly responseBodyPrefix: Uint8Array | undefined;
  /** Downstream's response must be captured (not sent) and returned in DownstreamResponse.body. */
  readonly bufferResponse: boolean;
}

/** What running the rest of the app produced. */
export interface DownstreamResponse {
  readonly status: number;
  /** Response header field lines as downstream left them (lazy: only called if the guest asks). */
  headers(): HeaderEntries;
  trailers?(): HeaderEntries;
  /** The captured body; present when bufferResponse was requested. */
  readonly body?: Uint8Array | undefined;
  /** Downstream threw or the exchange failed; handed to handle_response as isError=1. */
  readonly error?: unknown;
}

export type Downstream = (request: ForwardedRequest) => Promise<DownstreamResponse>;

/** The adapter's last step for a request. */
export type Outcome =
  /** Send this response (the guest answered, or rewrote a buffered response). */
  | { readonly kind: 'respond'; readonly status: number; readonly headers: HeaderFields; readonly body: Uint8Array; readonly trailers: HeaderFields | undefined }
  /** Downstream streamed its response to the client already; nothing left to send. */
  | { readonly kind: 'sent' }
  /** Failed before anything was sent: send this error response. `error` is for logs. */
  | { readonly kind: 'fail'; readonly status: number; readonly headers: HeaderFields; readonly body: Uint8Array; readonly error: Error }
  /** Failed after the response was committed: the adapter must abort the response. */
  | { readonly kind: 'abort'; readonly error: Error };

/** What an adapter's runtime can do; features it lacks are reported to the guest as disabled. */
export interface HostCapabilities {
  readonly trailers: boolean;
}
