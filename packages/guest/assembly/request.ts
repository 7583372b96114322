// The incoming request. Method, URI, request headers and the request body may be changed only in
// handle_request, before the host runs the next handler; the host traps otherwise.
import {
  BODY_KIND_REQUEST,
  HEADER_KIND_REQUEST,
  HEADER_KIND_REQUEST_TRAILERS,
  get_method,
  set_method,
  get_uri,
  set_uri,
  get_protocol_version,
  get_source_addr,
} from "./abi";
import { Body } from "./body";
import { Headers } from "./headers";
import { readString } from "./scratch";
import { joinUri, pathOf, queryOf, queryParam as findQueryParam } from "./uri";

export class Request {
  readonly headers: Headers = new Headers(HEADER_KIND_REQUEST);
  /** Empty unless the host supports FEATURE_TRAILERS and it is enabled. */
  readonly trailers: Headers = new Headers(HEADER_KIND_REQUEST_TRAILERS);
  /** Reading it consumes it unless FEATURE_BUFFER_REQUEST is enabled; after next it requires that. */
  readonly body: Body = new Body(BODY_KIND_REQUEST);

  /** The method, e.g. "GET". */
  get method(): string {
    return readString(get_method);
  }

  set method(method: string) {
    const m = String.UTF8.encode(method);
    set_method(changetype<usize>(m), <u32>m.byteLength);
  }

  /** The raw request-target with its query, e.g. "/v1.0/hi?name=panda"; never decoded. */
  get uri(): string {
    return readString(get_uri);
  }

  /** Replaces path and query: a URI without "?" drops the old query. Pass it already encoded. */
  set uri(uri: string) {
    const u = String.UTF8.encode(uri);
    set_uri(changetype<usize>(u), <u32>u.byteLength);
  }

  /** The path part of the URI ("/v1.0/hi"). */
  get path(): string {
    return pathOf(this.uri);
  }

  /** Replaces the path and keeps the query. */
  set path(path: string) {
    this.uri = joinUri(path, queryOf(this.uri));
  }

  /** The raw query without "?" ("name=panda"), or "". */
  get query(): string {
    return queryOf(this.uri);
  }

  /** Replaces the query and keeps the path; "" removes it. */
  set query(query: string) {
    this.uri = joinUri(pathOf(this.uri), query);
  }

  /** The raw value of query parameter `name`, or null when absent. */
  queryParam(name: string): string | null {
    return findQueryParam(this.query, name);
  }

  /** The protocol, e.g. "HTTP/1.1". */
  get protocolVersion(): string {
    return readString(get_protocol_version);
  }

  /** The client address as "ip:port", IPv6 as "[addr]:port". */
  get sourceAddr(): string {
    return readString(get_source_addr);
  }
}
