// Conformance guest: changes the request (and the response it starts) in handle_request and passes
// it on (next=1), so the test checks what the app behind the middleware saw. The case is named in
// `x-case`; its parameters come in other `x-*` request headers.
//
// What the guest itself read is reported in response headers set before next (`x-read-hex`), which
// the host carries onto the response the app sends.
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_RESPONSE,
  add_header_value, enable_features, get_header_values, read_body, remove_header, set_header_value,
  set_method, set_status_code, set_uri, write_body
} from "../../packages/guest/assembly/abi";

const SCRATCH_SIZE: u32 = 4096;
const scratch: usize = memory.data(4096);

function requestHeader(name: string): string {
  const n = String.UTF8.encode(name);
  const packed = get_header_values(HEADER_KIND_REQUEST, changetype<usize>(n), n.byteLength, scratch, SCRATCH_SIZE);
  if ((packed >> 32) == 0 || <u32>packed > SCRATCH_SIZE) return "";
  let end: u32 = 0;
  while (load<u8>(scratch + end) != 0) end++;
  return String.UTF8.decodeUnsafe(scratch, end);
}

function setHeader(kind: u32, name: string, value: string): void {
  const n = String.UTF8.encode(name);
  const v = String.UTF8.encode(value);
  set_header_value(kind, changetype<usize>(n), n.byteLength, changetype<usize>(v), v.byteLength);
}

function addHeader(kind: u32, name: string, value: string): void {
  const n = String.UTF8.encode(name);
  const v = String.UTF8.encode(value);
  add_header_value(kind, changetype<usize>(n), n.byteLength, changetype<usize>(v), v.byteLength);
}

function removeHeader(kind: u32, name: string): void {
  const n = String.UTF8.encode(name);
  remove_header(kind, changetype<usize>(n), n.byteLength);
}

function write(kind: u32, text: string): void {
  const b = String.UTF8.encode(text);
  write_body(kind, changetype<usize>(b), b.byteLength);
}

function hex(ptr: usize, len: u32): string {
  const digits = "0123456789abcdef";
  let out = "";
  for (let i: u32 = 0; i < len; i++) {
    const b = load<u8>(ptr + i);
    out += digits.charAt(b >> 4) + digits.charAt(b & 15);
  }
  return out;
}

/** Reads up to `wanted` request body bytes (all of it when wanted < 0); reports them as hex. */
function readRequestBody(wanted: i32): void {
  const body = new ArrayBuffer(256 * 1024);
  const base = changetype<usize>(body);
  const cap: u32 = wanted < 0 ? <u32>body.byteLength : <u32>wanted;
  let total: u32 = 0;
  while (total < cap) {
    const packed = read_body(BODY_KIND_REQUEST, base + total, cap - total);
    total += <u32>packed;
    if ((packed >> 32) != 0) break;
  }
  setHeader(HEADER_KIND_RESPONSE, "x-read-hex", hex(base, total));
}

/** Runs the case `id`; returns next (whether the app behind the middleware runs). */
function runCase(id: string): bool {
  const features = requestHeader("x-enable");
  if (features.length) enable_features(<u32>I32.parseInt(features));

  if (id == "set_method") {
    const m = String.UTF8.encode(requestHeader("x-set-method"));
    set_method(changetype<usize>(m), m.byteLength);
  } else if (id == "set_uri") {
    const u = String.UTF8.encode(requestHeader("x-set-uri"));
    set_uri(changetype<usize>(u), u.byteLength);
  } else if (id == "set_header_value") {
    setHeader(HEADER_KIND_REQUEST, "X-Dup", "replaced");
    setHeader(HEADER_KIND_REQUEST, "x-new", "new");
  } else if (id == "add_header_value") {
    addHeader(HEADER_KIND_REQUEST, "x-dup", "added");
    addHeader(HEADER_KIND_REQUEST, "X-Fresh", "one");
    addHeader(HEADER_KIND_REQUEST, "x-fresh", "two");
  } else if (id == "remove_header") {
    removeHeader(HEADER_KIND_REQUEST, "X-DUP");
    removeHeader(HEADER_KIND_REQUEST, "x-never-sent");
  } else if (id == "response_headers") {
    setHeader(HEADER_KIND_RESPONSE, "x-guest", "set");
    addHeader(HEADER_KIND_RESPONSE, "x-guest-multi", "one");
    addHeader(HEADER_KIND_RESPONSE, "x-guest-multi", "two");
    setHeader(HEADER_KIND_RESPONSE, "x-gone", "soon");
    removeHeader(HEADER_KIND_RESPONSE, "x-gone");
  } else if (id == "response_trailers") {
    // Trailers set before next go out after the app's body (needs the trailers feature).
    setHeader(3, "x-guest-trailer", "early");
    addHeader(3, "x-trailer-multi", "one");
    addHeader(3, "x-trailer-multi", "two, three");
  } else if (id == "set_status_code") {
    set_status_code(<u32>I32.parseInt(requestHeader("x-status")));
  } else if (id == "write_request_body") {
    // The first write replaces the request body, the next appends.
    write(BODY_KIND_REQUEST, "first");
    write(BODY_KIND_REQUEST, "+second");
  } else if (id == "read_then_write_request_body") {
    readRequestBody(3);
    write(BODY_KIND_REQUEST, "replaced");
  } else if (id == "write_response_body") {
    write(BODY_KIND_RESPONSE, "guest ");
    write(BODY_KIND_RESPONSE, "body");
  } else if (id == "read_body") {
    const wanted = requestHeader("x-read");
    readRequestBody(wanted.length ? I32.parseInt(wanted) : -1);
  } else if (id != "noop") {
    set_status_code(400);
    write(BODY_KIND_RESPONSE, "unknown case " + id);
    return false;
  }
  return true;
}

export function handle_request(): u64 {
  __reset();
  return runCase(requestHeader("x-case")) ? 1 : 0;
}

export function handle_response(reqCtx: u32, isError: u32): void {}
