// Conformance guest for the two phases: what handle_request returns (ctx_next), what the guest may
// do in handle_response, buffered response rewrites, traps in either phase, and per-request state
// kept in memory across the downstream call. The case is named in `x-case`.
//
// handle_request passes the case to handle_response through the ctx half of ctx_next whenever it
// can, so a host that loses or mangles ctx shows up as the wrong behaviour. Reports from
// handle_response go into response headers, which needs buffer_response.
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_RESPONSE,
  HEADER_KIND_RESPONSE_TRAILERS, add_header_value, enable_features, get_header_names,
  get_header_values, get_method, get_status_code, get_uri, read_body, remove_header,
  set_header_value, set_method, set_status_code, set_uri, write_body
} from "../../packages/guest/assembly/abi";
import { FEATURE_BUFFER_RESPONSE } from "../../packages/guest/assembly/features";

const SCRATCH_SIZE: u32 = 4096;
const scratch: usize = memory.data(4096);

// ---- helpers ----

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

function hex32(v: u32): string {
  const digits = "0123456789abcdef";
  let out = "";
  for (let shift = 28; shift >= 0; shift -= 4) out += digits.charAt((v >> shift) & 15);
  return out;
}

/** Parses up to 16 hex digits into the raw 64 bits, so any ctx_next can be asked for. */
function parseHex64(s: string): u64 {
  let v: u64 = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const d = c >= 0x61 ? c - 0x61 + 10 : c >= 0x41 ? c - 0x41 + 10 : c - 0x30;
    v = (v << 4) | <u64>d;
  }
  return v;
}

/** Reads a whole body into fresh memory; returns [pointer, length] packed as ptr<<32|len. */
function readAll(kind: u32): u64 {
  const body = new ArrayBuffer(256 * 1024);
  const base = changetype<usize>(body);
  let total: u32 = 0;
  for (;;) {
    const packed = read_body(kind, base + total, 4096);
    total += <u32>packed;
    if ((packed >> 32) != 0) break;
    if (total + 4096 > <u32>body.byteLength) unreachable();
  }
  return (<u64>base << 32) | <u64>total;
}

// ---- state kept across the downstream call (the instance is pinned to the request) ----

let features: u32 = 0;
let phaseCase = "";
let requestsServed: u32 = 0;
const TOKEN_MAX: u32 = 128;
const token: usize = memory.data(128);
let tokenLen: u32 = 0;

// Operations attempted in handle_response, indexed by the ctx handle_request returned.
const afterNextOps: string[] = [
  "set_method", "set_uri", "set_header_value/request", "add_header_value/request",
  "remove_header/request", "write_body/request", "read_body/request", "set_header_value/response",
  "add_header_value/response", "remove_header/response", "set_status_code", "write_body/response",
  "read_body/response", "get_status_code", "get_header_names/request", "get_method", "get_uri",
  "get_header_names/response", "get_header_values/response", "get_header_names/response_trailers",
  "set_header_value/response_trailers",
];

/** A NUL-terminated list the host wrote at `buf`, as "a,b,c". */
function joinNulList(buf: usize, len: u32): string {
  let out = "";
  let start: u32 = 0;
  for (let i: u32 = 0; i < len; i++) {
    if (load<u8>(buf + i) != 0) continue;
    out += (out.length ? "," : "") + String.UTF8.decodeUnsafe(buf + start, i - start);
    start = i + 1;
  }
  return out;
}

/** Runs one after-next operation; returns what it observed, for the report header. */
function afterNext(op: string): string {
  if (op == "set_method") {
    const m = String.UTF8.encode("POST");
    set_method(changetype<usize>(m), m.byteLength);
  } else if (op == "set_uri") {
    const u = String.UTF8.encode("/after");
    set_uri(changetype<usize>(u), u.byteLength);
  } else if (op == "set_header_value/request") {
    setHeader(HEADER_KIND_REQUEST, "x-after", "set");
  } else if (op == "add_header_value/request") {
    addHeader(HEADER_KIND_REQUEST, "x-after", "added");
  } else if (op == "remove_header/request") {
    removeHeader(HEADER_KIND_REQUEST, "x-case");
  } else if (op == "write_body/request") {
    write(BODY_KIND_REQUEST, "after");
  } else if (op == "read_body/request") {
    return (<u32>readAll(BODY_KIND_REQUEST)).toString();
  } else if (op == "set_header_value/response") {
    setHeader(HEADER_KIND_RESPONSE, "x-after", "set");
  } else if (op == "add_header_value/response") {
    addHeader(HEADER_KIND_RESPONSE, "x-after", "added");
  } else if (op == "remove_header/response") {
    removeHeader(HEADER_KIND_RESPONSE, "x-backend-custom");
  } else if (op == "set_status_code") {
    set_status_code(299);
  } else if (op == "write_body/response") {
    write(BODY_KIND_RESPONSE, "after");
  } else if (op == "read_body/response") {
    return (<u32>readAll(BODY_KIND_RESPONSE)).toString();
  } else if (op == "get_status_code") {
    return get_status_code().toString();
  } else if (op == "get_header_names/request") {
    return (get_header_names(HEADER_KIND_REQUEST, scratch, SCRATCH_SIZE) >> 32).toString();
  } else if (op == "get_method") {
    return String.UTF8.decodeUnsafe(scratch, get_method(scratch, SCRATCH_SIZE));
  } else if (op == "get_uri") {
    return String.UTF8.decodeUnsafe(scratch, get_uri(scratch, SCRATCH_SIZE));
  } else if (op == "get_header_names/response") {
    return joinNulList(scratch, <u32>get_header_names(HEADER_KIND_RESPONSE, scratch, SCRATCH_SIZE));
  } else if (op == "get_header_names/response_trailers") {
    return joinNulList(scratch, <u32>get_header_names(HEADER_KIND_RESPONSE_TRAILERS, scratch, SCRATCH_SIZE));
  } else if (op == "set_header_value/response_trailers") {
    setHeader(HEADER_KIND_RESPONSE_TRAILERS, "x-guest-trailer", "late");
  } else if (op == "get_header_values/response") {
    const n = String.UTF8.encode("Content-Type");
    return joinNulList(scratch, <u32>get_header_values(HEADER_KIND_RESPONSE, changetype<usize>(n), n.byteLength, scratch, SCRATCH_SIZE));
  } else {
    unreachable();
  }
  return "";
}

function rewrite(empty: bool): void {
  const status = get_status_code();
  const body = readAll(BODY_KIND_RESPONSE);
  setHeader(HEADER_KIND_RESPONSE, "x-original-status", status.toString());
  setHeader(HEADER_KIND_RESPONSE, "x-original-length", (<u32>body).toString());
  set_status_code(203);
  removeHeader(HEADER_KIND_RESPONSE, "X-Backend-Custom");
  setHeader(HEADER_KIND_RESPONSE, "x-rewritten", "1");
  if (empty) {
    // A zero-length first write still replaces: the body becomes empty.
    write_body(BODY_KIND_RESPONSE, scratch, 0);
    return;
  }
  // The first write in handle_response replaces the downstream body; the second appends.
  write(BODY_KIND_RESPONSE, "rewritten:");
  write_body(BODY_KIND_RESPONSE, <usize>(body >> 32), <u32>body);
}

// ---- the phases ----

export function handle_request(): u64 {
  __reset();
  const id = requestHeader("x-case");
  phaseCase = id;
  const enable = requestHeader("x-enable");
  features = enable_features(enable.length ? <u32>I32.parseInt(enable) : 0);

  if (id == "ctx_next") {
    features = enable_features(FEATURE_BUFFER_RESPONSE);
    const ctxNext = parseHex64(requestHeader("x-ctx-next"));
    if (<u32>ctxNext == 0) write(BODY_KIND_RESPONSE, "answered by the guest");
    return ctxNext;
  }
  if (id == "after_next") {
    const op = requestHeader("x-op");
    const index = afterNextOps.indexOf(op);
    if (index < 0) unreachable();
    return (<u64>index << 32) | 1;
  }
  if (id == "rewrite" || id == "rewrite_empty") {
    features = enable_features(FEATURE_BUFFER_RESPONSE);
    return 1;
  }
  if (id == "trap") {
    const phase = requestHeader("x-phase");
    if (phase == "handle_request") {
      // What the guest set before trapping must not reach the client.
      setHeader(HEADER_KIND_RESPONSE, "x-guest-secret", "leaked");
      write(BODY_KIND_RESPONSE, "guest secret");
      unreachable();
    }
    return 1;
  }
  if (id == "pin") {
    const t = String.UTF8.encode(requestHeader("x-token"));
    tokenLen = min(<u32>t.byteLength, TOKEN_MAX);
    memory.copy(token, changetype<usize>(t), tokenLen);
    requestsServed++;
    features = enable_features(FEATURE_BUFFER_RESPONSE);
    // ctx is this instance's request number: handle_response checks it is still the latest.
    return (<u64>requestsServed << 32) | 1;
  }
  if (id == "features_scope") {
    setHeader(HEADER_KIND_RESPONSE, "x-features", features.toString());
    return 1;
  }
  set_status_code(400);
  write(BODY_KIND_RESPONSE, "unknown case " + id);
  return 0;
}

export function handle_response(reqCtx: u32, isError: u32): void {
  const id = phaseCase;
  if (id == "ctx_next") {
    setHeader(HEADER_KIND_RESPONSE, "x-req-ctx", hex32(reqCtx));
    setHeader(HEADER_KIND_RESPONSE, "x-is-error", isError.toString());
  } else if (id == "after_next") {
    const observed = afterNext(afterNextOps[reqCtx]);
    if (features & FEATURE_BUFFER_RESPONSE) setHeader(HEADER_KIND_RESPONSE, "x-after-op", "done " + observed);
  } else if (id == "rewrite" || id == "rewrite_empty") {
    rewrite(id == "rewrite_empty");
  } else if (id == "trap") {
    unreachable();
  } else if (id == "pin") {
    setHeader(HEADER_KIND_RESPONSE, "x-token-seen", String.UTF8.decodeUnsafe(token, tokenLen));
    setHeader(HEADER_KIND_RESPONSE, "x-ctx-matches", reqCtx == requestsServed ? "1" : "0");
  } else if (id == "features_scope") {
    if (features & FEATURE_BUFFER_RESPONSE) setHeader(HEADER_KIND_RESPONSE, "x-buffered", "1");
  }
}
