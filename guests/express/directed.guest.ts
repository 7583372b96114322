// A guest that does what the request's `x-guest-*` headers tell it to, so each Express test can
// ask for exactly the ABI calls it is about without a guest per case. It reports what it observed
// in response headers (`x-guest-*` before next, `x-seen-*` after), which the client then checks.
//
// handle_request, in this order:
//   x-guest-features: N         enable_features(N); the enabled set -> x-guest-features-enabled
//   x-guest-trap: request       trap
//   x-guest-echo: 1             get_method / get_uri -> x-guest-method / x-guest-uri
//   x-guest-read: all | N       read the request body (all, or at most N bytes) -> x-guest-read, x-guest-read-length
//   x-guest-trailer: name       request trailer `name` -> x-guest-trailer-value, names -> x-guest-trailer-names
//   x-guest-write-request: s    write_body(request, s)
//   x-guest-set-method: m       set_method(m)
//   x-guest-set-uri: u          set_uri(u)
//   x-guest-pre-status: N       set_status_code(N)
//   x-guest-pre-headers: 1      response headers x-shared: guest, x-guest-only: guest
//   x-guest-pre-body: s         write_body(response, s)
//   x-guest-pre-trailer: v      response trailer x-guest-trailer: v
//   x-guest-answer: s           answer s itself (next=0)
// handle_response logs "handle_response isError=<n>" at info, then:
//   x-guest-trap: response      trap
// and with buffer_response enabled for the request (carried in reqCtx):
//   always                      x-seen-status, x-seen-error, x-seen-length, x-seen-type,
//                               x-seen-app (values of x-app, '|'-joined)
//   x-guest-app-trailer: 1      response trailer x-app-trailer -> x-seen-app-trailer ('|'-joined)
//   x-guest-status: N           set_status_code(N)
//   x-guest-content-type: t     set content-type: t
//   x-guest-header-out: n=v     set response header n: v
//   x-guest-wrap: 1             body becomes "<w>" + body + "</w>"
//   x-guest-trailer-out: v      response trailer x-guest-trailer: v
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_REQUEST_TRAILERS,
  HEADER_KIND_RESPONSE, HEADER_KIND_RESPONSE_TRAILERS, enable_features, get_header_names,
  get_header_values, get_method, get_status_code, get_uri, log, read_body, set_header_value,
  set_method, set_status_code, set_uri, write_body
} from "../../packages/guest/assembly/abi";
import { FEATURE_BUFFER_RESPONSE } from "../../packages/guest/assembly/features";

const LOG_LEVEL_INFO: i32 = 0;

// reqCtx bit: buffer_response was enabled for this request, so handle_response may rewrite.
const CTX_BUFFERED: u64 = 1;

const SCRATCH_SIZE: u32 = 4096;
const scratch: usize = memory.data(4096);

// ---- reading ----

function stringFrom(get: (buf: usize, limit: u32) => u32): string {
  const len = get(scratch, SCRATCH_SIZE);
  if (len <= SCRATCH_SIZE) return String.UTF8.decodeUnsafe(scratch, len);
  const buf = new ArrayBuffer(len);
  get(changetype<usize>(buf), len);
  return String.UTF8.decodeUnsafe(changetype<usize>(buf), len);
}

function splitNulTerminated(buf: usize, total: u32, count: u32): string[] {
  const out = new Array<string>(0);
  let start: u32 = 0;
  for (let i: u32 = 0; i < total && <u32>out.length < count; i++) {
    if (load<u8>(buf + i) == 0) {
      out.push(String.UTF8.decodeUnsafe(buf + start, i - start));
      start = i + 1;
    }
  }
  return out;
}

function headerNames(kind: u32): string[] {
  let packed = get_header_names(kind, scratch, SCRATCH_SIZE);
  const len = <u32>packed;
  if (len <= SCRATCH_SIZE) return splitNulTerminated(scratch, len, <u32>(packed >> 32));
  const buf = new ArrayBuffer(len);
  packed = get_header_names(kind, changetype<usize>(buf), len);
  return splitNulTerminated(changetype<usize>(buf), <u32>packed, <u32>(packed >> 32));
}

function headerValues(kind: u32, name: string): string[] {
  const n = String.UTF8.encode(name);
  const np = changetype<usize>(n);
  const nl = <u32>n.byteLength;
  let packed = get_header_values(kind, np, nl, scratch, SCRATCH_SIZE);
  const len = <u32>packed;
  if (len <= SCRATCH_SIZE) return splitNulTerminated(scratch, len, <u32>(packed >> 32));
  const buf = new ArrayBuffer(len);
  packed = get_header_values(kind, np, nl, changetype<usize>(buf), len);
  return splitNulTerminated(changetype<usize>(buf), <u32>packed, <u32>(packed >> 32));
}

/** The first value of a request header, or "" when absent. */
function directive(name: string): string {
  const values = headerValues(HEADER_KIND_REQUEST, name);
  return values.length > 0 ? values[0] : "";
}

/** Reads a body of `kind` until EOF, or until `max` bytes when max >= 0. */
function readBody(kind: u32, max: i32): Uint8Array {
  const chunks = new Array<Uint8Array>(0);
  let total: u32 = 0;
  for (;;) {
    let limit = SCRATCH_SIZE;
    if (max >= 0) {
      if (total >= <u32>max) break;
      limit = min(limit, <u32>max - total);
    }
    const packed = read_body(kind, scratch, limit);
    const n = <u32>packed;
    const chunk = new Uint8Array(n);
    memory.copy(chunk.dataStart, scratch, n);
    chunks.push(chunk);
    total += n;
    if ((packed >> 32) != 0) break;
  }
  const out = new Uint8Array(total);
  let at: i32 = 0;
  for (let i = 0; i < chunks.length; i++) {
    out.set(chunks[i], at);
    at += chunks[i].length;
  }
  return out;
}

/** Body bytes as header-safe text: the text when printable ASCII, else a placeholder. */
function printable(bytes: Uint8Array): string {
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c < 0x20 || c > 0x7e) return "<binary>";
  }
  return String.UTF8.decodeUnsafe(bytes.dataStart, bytes.length);
}

// ---- writing ----

function setHeader(kind: u32, name: string, value: string): void {
  const n = String.UTF8.encode(name);
  const v = String.UTF8.encode(value);
  set_header_value(kind, changetype<usize>(n), n.byteLength, changetype<usize>(v), v.byteLength);
}

function writeBytes(kind: u32, bytes: Uint8Array): void {
  write_body(kind, bytes.dataStart, bytes.length);
}

function writeText(kind: u32, text: string): void {
  const b = String.UTF8.encode(text);
  write_body(kind, changetype<usize>(b), b.byteLength);
}

function logInfo(text: string): void {
  const b = String.UTF8.encode(text);
  log(LOG_LEVEL_INFO, changetype<usize>(b), b.byteLength);
}

// ---- the two phases ----

export function handle_request(): u64 {
  // Nothing outlives a request, so the bump allocator starts over each time.
  __reset();
  let ctx: u64 = 0;

  const features = directive("x-guest-features");
  if (features.length > 0) {
    const enabled = enable_features(U32.parseInt(features));
    setHeader(HEADER_KIND_RESPONSE, "x-guest-features-enabled", enabled.toString());
  }
  if (directive("x-guest-trap") == "request") unreachable();

  if (directive("x-guest-echo").length > 0) {
    setHeader(HEADER_KIND_RESPONSE, "x-guest-method", stringFrom(get_method));
    setHeader(HEADER_KIND_RESPONSE, "x-guest-uri", stringFrom(get_uri));
  }

  const read = directive("x-guest-read");
  if (read.length > 0) {
    const body = readBody(BODY_KIND_REQUEST, read == "all" ? -1 : I32.parseInt(read));
    setHeader(HEADER_KIND_RESPONSE, "x-guest-read", printable(body));
    setHeader(HEADER_KIND_RESPONSE, "x-guest-read-length", body.length.toString());
  }

  const trailer = directive("x-guest-trailer");
  if (trailer.length > 0) {
    setHeader(HEADER_KIND_RESPONSE, "x-guest-trailer-value", headerValues(HEADER_KIND_REQUEST_TRAILERS, trailer).join(","));
    setHeader(HEADER_KIND_RESPONSE, "x-guest-trailer-names", headerNames(HEADER_KIND_REQUEST_TRAILERS).join(","));
  }

  const newBody = directive("x-guest-write-request");
  if (newBody.length > 0) writeText(BODY_KIND_REQUEST, newBody);

  const method = directive("x-guest-set-method");
  if (method.length > 0) {
    const b = String.UTF8.encode(method);
    set_method(changetype<usize>(b), b.byteLength);
  }
  const uri = directive("x-guest-set-uri");
  if (uri.length > 0) {
    const b = String.UTF8.encode(uri);
    set_uri(changetype<usize>(b), b.byteLength);
  }

  const preStatus = directive("x-guest-pre-status");
  if (preStatus.length > 0) set_status_code(U32.parseInt(preStatus));
  if (directive("x-guest-pre-headers").length > 0) {
    setHeader(HEADER_KIND_RESPONSE, "x-shared", "guest");
    setHeader(HEADER_KIND_RESPONSE, "x-guest-only", "guest");
  }
  const preBody = directive("x-guest-pre-body");
  if (preBody.length > 0) writeText(BODY_KIND_RESPONSE, preBody);
  const preTrailer = directive("x-guest-pre-trailer");
  if (preTrailer.length > 0) setHeader(HEADER_KIND_RESPONSE_TRAILERS, "x-guest-trailer", preTrailer);

  const answer = directive("x-guest-answer");
  if (answer.length > 0) {
    writeText(BODY_KIND_RESPONSE, answer);
    return 0;
  }

  // enable_features(0) enables nothing and returns the set in force for this request.
  if ((enable_features(0) & FEATURE_BUFFER_RESPONSE) != 0) ctx |= CTX_BUFFERED;
  return (ctx << 32) | 1;
}

export function handle_response(reqCtx: u32, isError: u32): void {
  logInfo("handle_response isError=" + isError.toString());
  if (directive("x-guest-trap") == "response") unreachable();
  if ((<u64>reqCtx & CTX_BUFFERED) == 0) return;

  const body = readBody(BODY_KIND_RESPONSE, -1);
  setHeader(HEADER_KIND_RESPONSE, "x-seen-status", get_status_code().toString());
  setHeader(HEADER_KIND_RESPONSE, "x-seen-error", isError.toString());
  setHeader(HEADER_KIND_RESPONSE, "x-seen-length", body.length.toString());
  const type = headerValues(HEADER_KIND_RESPONSE, "content-type");
  if (type.length > 0) setHeader(HEADER_KIND_RESPONSE, "x-seen-type", type[0]);
  const app = headerValues(HEADER_KIND_RESPONSE, "x-app");
  if (app.length > 0) setHeader(HEADER_KIND_RESPONSE, "x-seen-app", app.join("|"));
  if (directive("x-guest-app-trailer").length > 0) {
    setHeader(HEADER_KIND_RESPONSE, "x-seen-app-trailer", headerValues(HEADER_KIND_RESPONSE_TRAILERS, "x-app-trailer").join("|"));
  }

  const status = directive("x-guest-status");
  if (status.length > 0) set_status_code(U32.parseInt(status));
  const contentType = directive("x-guest-content-type");
  if (contentType.length > 0) setHeader(HEADER_KIND_RESPONSE, "content-type", contentType);
  const headerOut = directive("x-guest-header-out");
  const eq = headerOut.indexOf("=");
  if (eq > 0) setHeader(HEADER_KIND_RESPONSE, headerOut.slice(0, eq), headerOut.slice(eq + 1));
  if (directive("x-guest-wrap").length > 0) {
    writeText(BODY_KIND_RESPONSE, "<w>");
    writeBytes(BODY_KIND_RESPONSE, body);
    writeText(BODY_KIND_RESPONSE, "</w>");
  }
  const trailerOut = directive("x-guest-trailer-out");
  if (trailerOut.length > 0) setHeader(HEADER_KIND_RESPONSE_TRAILERS, "x-guest-trailer", trailerOut);
}
