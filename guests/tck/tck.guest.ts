// The http-wasm TCK guest: the same behaviour as the reference host's TinyGo guest
// (http-wasm-host-go `tck/guest/main.go`), written against the raw ABI so it depends on no SDK.
//
// Each request names its case in `x-httpwasm-tck-testid`. Cases that read something check it here
// and answer directly (next=0), so a failure points at the one host function under test. Cases
// that change the request pass it on (next=1), and the runner checks what the backend saw.
// get_protocol_version writes the protocol into the response body and still passes the request
// on: the guest-written body must reach the client when the backend writes none.
//
// Every answer carries `x-httpwasm-tck-handled: 1`; a failed check answers 500 with the reason in
// `x-httpwasm-tck-failed`.
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_RESPONSE,
  add_header_value, enable_features, get_header_names, get_header_values, get_method,
  get_protocol_version, get_source_addr, get_uri, read_body, remove_header, set_header_value,
  set_method, set_status_code, set_uri, write_body
} from "../../packages/guest/assembly/abi";
import { FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS } from "../../packages/guest/assembly/features";

// Like the reference guest, ask for every feature once, when the instance starts (this top-level
// statement compiles to the module's start function).
enable_features(FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE | FEATURE_TRAILERS);

// ---- reading values the host returns ----

// Most values fit here; a longer one is probed for its length and read again into the heap.
const SCRATCH_SIZE: u32 = 2048;
const scratch: usize = memory.data(2048);

enum Getter { Method, Uri, ProtocolVersion, SourceAddr }

function callGetter(which: Getter, buf: usize, limit: u32): u32 {
  switch (which) {
    case Getter.Method: return get_method(buf, limit);
    case Getter.Uri: return get_uri(buf, limit);
    case Getter.ProtocolVersion: return get_protocol_version(buf, limit);
    default: return get_source_addr(buf, limit);
  }
}

function hostString(which: Getter): string {
  const len = callGetter(which, scratch, SCRATCH_SIZE);
  if (len <= SCRATCH_SIZE) return String.UTF8.decodeUnsafe(scratch, len);
  const buf = new ArrayBuffer(len);
  callGetter(which, changetype<usize>(buf), len);
  return String.UTF8.decodeUnsafe(changetype<usize>(buf), len);
}

// Splits `count` NUL-terminated strings, the shape of get_header_names and get_header_values.
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
  let len = <u32>packed;
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
  let len = <u32>packed;
  if (len <= SCRATCH_SIZE) return splitNulTerminated(scratch, len, <u32>(packed >> 32));
  const buf = new ArrayBuffer(len);
  packed = get_header_values(kind, np, nl, changetype<usize>(buf), len);
  return splitNulTerminated(changetype<usize>(buf), <u32>packed, <u32>(packed >> 32));
}

// ---- changing the exchange ----

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

function writeResponseBody(text: string): void {
  const b = String.UTF8.encode(text);
  write_body(BODY_KIND_RESPONSE, changetype<usize>(b), b.byteLength);
}

function setMethod(method: string): void {
  const b = String.UTF8.encode(method);
  set_method(changetype<usize>(b), b.byteLength);
}

function setUri(uri: string): void {
  const b = String.UTF8.encode(uri);
  set_uri(changetype<usize>(b), b.byteLength);
}

/** Marks the answer failed; returns next=false so the backend cannot overwrite the 500. */
function fail(message: string): bool {
  set_status_code(500);
  setHeader(HEADER_KIND_RESPONSE, "x-httpwasm-tck-failed", message);
  return false;
}

// ---- the cases ----

function testGetMethod(want: string): bool {
  const have = hostString(Getter.Method);
  if (have != want) return fail("get_method: want " + want + ", have " + have);
  return false;
}

function testGetUri(want: string): bool {
  const have = hostString(Getter.Uri);
  if (have != want) return fail("get_uri: want " + want + ", have " + have);
  return false;
}

function testGetRequestHeader(name: string, want: string[]): bool {
  const have = headerValues(HEADER_KIND_REQUEST, name);
  if (have.length != want.length) {
    return fail("get_request_header: want " + want.length.toString() + " values, have " + have.length.toString());
  }
  for (let i = 0; i < have.length; i++) {
    if (have[i] != want[i]) return fail("get_request_header: want " + want[i] + ", have " + have[i]);
  }
  return false;
}

function testGetRequestHeaderNames(want: string[]): bool {
  // Only the wanted names must be present: clients add headers of their own (host, user-agent).
  const have = headerNames(HEADER_KIND_REQUEST);
  for (let i = 0; i < want.length; i++) {
    if (!have.includes(want[i])) {
      return fail("get_header_names/request: want " + want[i] + ", not found. have: [" + have.join(" ") + "]");
    }
  }
  return false;
}

function testReadBody(wantSize: u32): bool {
  // The runner sends `wantSize` bytes of "a"; read in scratch-sized pieces until the host says EOF.
  let size: u32 = 0;
  let idle = 0;
  for (;;) {
    const packed = read_body(BODY_KIND_REQUEST, scratch, SCRATCH_SIZE);
    const n = <u32>packed;
    for (let i: u32 = 0; i < n; i++) {
      if (load<u8>(scratch + i) != 0x61) {
        return fail("read_body/request: want only \"a\", byte " + (size + i).toString() + " is " + load<u8>(scratch + i).toString());
      }
    }
    size += n;
    if ((packed >> 32) != 0) break;
    // A host that never reports EOF would otherwise hang the request forever.
    if (n == 0 && ++idle > 1000) return fail("read_body/request: no EOF after " + size.toString() + " bytes");
  }
  if (size != wantSize) {
    return fail("read_body/request: want " + wantSize.toString() + " bytes, have " + size.toString());
  }
  return false;
}

function testGetSourceAddr(wantIp: string): bool {
  const have = hostString(Getter.SourceAddr);
  const parts = have.split(":");
  if (parts.length != 2) return fail("get_source_addr: unknown colon count " + have);
  if (parts[0] != wantIp) return fail("get_source_addr: want " + wantIp + ", have " + have);
  const port = parts[1];
  let ok = port.length > 0 && port.length <= 5;
  for (let i = 0; ok && i < port.length; i++) {
    const c = port.charCodeAt(i);
    ok = c >= 0x30 && c <= 0x39;
  }
  if (!ok || I32.parseInt(port) < 1 || I32.parseInt(port) > 65535) {
    return fail("get_source_addr: could not find port number '" + port + "' from " + have);
  }
  return false;
}

/** Runs the case `id`; returns whether the request goes on to the backend. */
function runCase(id: string): bool {
  if (id == "get_protocol_version") {
    writeResponseBody(hostString(Getter.ProtocolVersion));
    return true;
  }

  const methods = ["GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH"];
  for (let i = 0; i < methods.length; i++) {
    if (id == "get_method/" + methods[i]) return testGetMethod(methods[i]);
  }
  if (id == "set_method") {
    setMethod("POST");
    return true;
  }

  const uriCases = ["simple", "simple/escaping", "query", "query/escaping"];
  const uris = ["/simple", "/simple%26clean", "/animal?name=panda", "/disney?name=chip%26dale"];
  for (let i = 0; i < uriCases.length; i++) {
    if (id == "get_uri/" + uriCases[i]) return testGetUri(uris[i]);
    if (id == "set_uri/" + uriCases[i]) {
      setUri(uris[i]);
      return true;
    }
  }

  if (id == "get_header_values/request/lowercase-key") return testGetRequestHeader("single-header", ["value"]);
  if (id == "get_header_values/request/mixedcase-key") return testGetRequestHeader("Single-Header", ["value"]);
  if (id == "get_header_values/request/not-exists") return testGetRequestHeader("not-header", []);
  if (id == "get_header_values/request/multiple-values") return testGetRequestHeader("multi-header", ["value1", "value2"]);
  if (id == "get_header_names/request") return testGetRequestHeaderNames(["a-header", "b-header"]);

  const existing = ["new", "existing"];
  for (let i = 0; i < existing.length; i++) {
    const header = existing[i] + "-header";
    if (id == "set_header_value/request/" + existing[i]) {
      setHeader(HEADER_KIND_REQUEST, header, "value");
      return true;
    }
    if (id == "add_header_value/request/" + existing[i]) {
      addHeader(HEADER_KIND_REQUEST, header, "value");
      return true;
    }
    if (id == "remove_header/request/" + existing[i]) {
      removeHeader(HEADER_KIND_REQUEST, header);
      return true;
    }
  }

  const bodyCases = ["empty", "small", "medium", "large", "xlarge"];
  const bodySizes: u32[] = [0, 5, 2048, 4096, 5000];
  for (let i = 0; i < bodyCases.length; i++) {
    if (id == "read_body/request/" + bodyCases[i]) return testReadBody(bodySizes[i]);
  }

  if (id == "get_source_addr") return testGetSourceAddr("127.0.0.1");

  return fail("unknown x-httpwasm-test-id");
}

export function handle_request(): u64 {
  // Nothing outlives a request, so the bump allocator starts over each time and memory stays flat.
  __reset();

  const ids = headerValues(HEADER_KIND_REQUEST, "x-httpwasm-tck-testid");
  if (ids.length == 0 || ids[0].length == 0) {
    set_status_code(500);
    writeResponseBody("missing x-httpwasm-tck-testid header");
    return 0;
  }

  const next = runCase(ids[0]);
  setHeader(HEADER_KIND_RESPONSE, "x-httpwasm-tck-handled", "1");
  // ctx (high 32 bits) is unused: handle_response has nothing to do.
  return next ? 1 : 0;
}

export function handle_response(reqCtx: u32, isError: u32): void {}
