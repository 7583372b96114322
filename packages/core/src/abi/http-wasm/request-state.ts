/**
 * One request's state as an http-wasm guest sees it: the request line, headers and bodies it may
 * read or rewrite, the response it may build, and which phase it is in. Everything is lazy: the
 * adapter's headers are materialised only when the guest asks for them.
 */
import { HostTrap } from '../../errors.js';
import { ByteSink, EMPTY_BYTES, concatBytes } from '../../exchange/byte-sink.js';
import { HeaderFields } from '../../exchange/header-fields.js';
import { originForm } from '../../exchange/http-syntax.js';
import type { DownstreamResponse, ForwardedRequest, HostCapabilities, IncomingRequest, Outcome } from '../../exchange/port.js';
import { formatSourceAddr } from '../../exchange/source-addr.js';
import { untouchedRequest } from '../../exchange/untouched.js';
import {
  FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_REQUEST_TRAILERS,
  HEADER_KIND_RESPONSE, HEADER_KIND_RESPONSE_TRAILERS, featureNames, type HeaderKind,
} from './constants.js';

const UNCHANGED: ForwardedRequest = Object.freeze(untouchedRequest(undefined));

export class RequestState {
  /** False while handle_request runs; true once the host ran the next handler. */
  afterNext = false;

  private method: string | undefined;
  private uri: string | undefined;
  private requestHeaders: HeaderFields | undefined;
  private requestTrailers: HeaderFields | undefined;
  /** The original body, when the host buffered it because the guest can read it. */
  requestBody: Uint8Array | undefined;
  private requestBodyRead = 0;
  private requestBodyWritten: ByteSink | undefined;

  private status: number | undefined;
  private responseHeaders: HeaderFields | undefined;
  private responseTrailers: HeaderFields | undefined;
  private responseBody: ByteSink | undefined;
  private responseBodyRead = 0;
  /** Whether write_body already replaced the response body in the current phase. */
  private responseWritten = false;
  private downstream: DownstreamResponse | undefined;

  constructor(
    readonly request: IncomingRequest,
    public features: number,
    private readonly capabilities: HostCapabilities,
    /** Most bytes a guest may write into one body: its memory is capped, but repeated writes add up. */
    private readonly maxBodyBytes = Infinity,
  ) {}

  private mustFit(sink: ByteSink, adding: number, what: string): void {
    if (sink.length + adding > this.maxBodyBytes) {
      throw new HostTrap(`guest wrote more than maxBodyBytes (${this.maxBodyBytes}) to the ${what}`);
    }
  }

  /** Traps unless the guest is still in handle_request. */
  mustBeforeNext(op: string, what: string): void {
    if (this.afterNext) throw new HostTrap(`can't ${op} ${what} after next handler`);
  }

  /** Traps after next unless `feature` is enabled for this request. */
  mustBeforeNextOrFeature(feature: number, op: string, what: string): void {
    if (this.afterNext && (this.features & feature) === 0) {
      throw new HostTrap(`can't ${op} ${what} after next handler unless ${featureNames[feature]} is enabled`);
    }
  }

  getMethod(): string {
    return this.method ?? this.request.method;
  }
  setMethod(method: string): void {
    this.method = method;
  }
  getUri(): string {
    return this.uri ?? originForm(this.request.uri);
  }
  setUri(uri: string): void {
    this.uri = originForm(uri);
  }
  getSourceAddr(): string {
    const addr = formatSourceAddr(this.request.remoteAddress, this.request.remotePort);
    if (addr === undefined) throw new HostTrap('the client address is unknown on this runtime');
    return addr;
  }

  /** The header fields of `kind`; trailers are empty (and read-only) without host support. */
  fields(kind: HeaderKind): HeaderFields {
    switch (kind) {
      case HEADER_KIND_REQUEST:
        return (this.requestHeaders ??= new HeaderFields(this.request.headers()));
      case HEADER_KIND_RESPONSE:
        return (this.responseHeaders ??= new HeaderFields(this.downstream ? this.downstream.headers() : []));
      case HEADER_KIND_REQUEST_TRAILERS:
        return (this.requestTrailers ??= new HeaderFields(
          this.capabilities.trailers && this.request.trailers ? this.request.trailers() : [],
        ));
      default:
        return (this.responseTrailers ??= new HeaderFields(
          this.capabilities.trailers && this.downstream?.trailers ? this.downstream.trailers() : [],
        ));
    }
  }

  get supportsTrailers(): boolean {
    return this.capabilities.trailers;
  }

  getStatus(): number {
    return this.status ?? this.downstream?.status ?? 200;
  }
  setStatus(status: number): void {
    this.status = status;
  }

  /** Reads up to `limit` bytes of the request body; [bytes, eof]. */
  readRequestBody(limit: number): [Uint8Array, boolean] {
    const body = this.requestBodyWritten ? this.requestBodyWritten.bytes() : (this.requestBody ?? EMPTY_BYTES);
    const chunk = body.subarray(this.requestBodyRead, this.requestBodyRead + limit);
    this.requestBodyRead += chunk.length;
    return [chunk, this.requestBodyRead >= body.length];
  }

  readResponseBody(limit: number): [Uint8Array, boolean] {
    const body = this.responseBody ? this.responseBody.bytes() : EMPTY_BYTES;
    const chunk = body.subarray(this.responseBodyRead, this.responseBodyRead + limit);
    this.responseBodyRead += chunk.length;
    return [chunk, this.responseBodyRead >= body.length];
  }

  /** The first write in handle_request replaces the request body; later ones append. */
  writeRequestBody(bytes: Uint8Array): void {
    const sink = (this.requestBodyWritten ??= new ByteSink());
    this.mustFit(sink, bytes.length, 'request body');
    sink.append(bytes);
  }

  /** The first write in each phase replaces the response body; later ones append. */
  writeResponseBody(bytes: Uint8Array): void {
    if (!this.responseWritten) {
      this.responseBody = new ByteSink();
      this.responseBodyRead = 0;
      this.responseWritten = true;
    }
    this.mustFit(this.responseBody!, bytes.length, 'response body');
    this.responseBody!.append(bytes);
  }

  /** What the rest of the app receives when the guest returned next=1. */
  forward(): ForwardedRequest {
    const buffered = this.requestBody;
    let body: Uint8Array | undefined;
    if (this.requestBodyWritten) body = this.requestBodyWritten.bytes();
    else if (buffered) {
      // With buffer_request the guest's reads are replayed; without it they were consumed.
      body = this.features & FEATURE_BUFFER_REQUEST ? buffered : buffered.subarray(this.requestBodyRead);
    }
    const headers = this.requestHeaders?.changed ? this.requestHeaders : undefined;
    if (
      body === undefined && headers === undefined && this.method === undefined && this.uri === undefined &&
      this.status === undefined && this.responseHeaders === undefined && this.responseTrailers === undefined &&
      this.responseBody === undefined && (this.features & FEATURE_BUFFER_RESPONSE) === 0
    ) {
      return UNCHANGED; // most guests only look: no object to build
    }
    return {
      method: this.method,
      uri: this.uri,
      headers,
      body,
      responseStatus: this.status,
      responseHeaders: this.responseHeaders?.size ? this.responseHeaders : undefined,
      responseTrailers: this.responseTrailers?.size ? this.responseTrailers : undefined,
      responseBodyPrefix: this.responseBody?.bytes(),
      bufferResponse: (this.features & FEATURE_BUFFER_RESPONSE) !== 0,
    };
  }

  /** Switches to the response phase with what downstream produced. */
  enterResponsePhase(downstream: DownstreamResponse): void {
    const prefix = this.responseBody?.bytes();
    this.afterNext = true;
    this.downstream = downstream;
    this.status = undefined;
    this.responseHeaders = undefined;
    this.responseTrailers = undefined;
    this.responseWritten = false;
    this.responseBodyRead = 0;
    this.responseBody = downstream.body !== undefined ? new ByteSink(concatBytes(prefix, downstream.body)) : undefined;
  }

  /** The response to send: the guest's own (next=0), or the buffered one after handle_response. */
  response(): Outcome {
    return {
      kind: 'respond',
      status: this.getStatus(),
      headers: this.fields(HEADER_KIND_RESPONSE),
      body: this.responseBody ? this.responseBody.bytes() : EMPTY_BYTES,
      // Trailers the guest never looked at still go out as downstream sent them.
      trailers: this.capabilities.trailers ? this.fields(HEADER_KIND_RESPONSE_TRAILERS) : undefined,
    };
  }
}
