// Conformance guest: reads what the host reports and answers with it (next=0), so the test on
// the other side of the HTTP connection decides what is right. The case is named in `x-case`.
//
// The answer body is a report, one `key=value` line each. Raw byte sequences (buffers the host
// wrote, NUL-terminated lists) are reported as hex so every byte, NULs included, is visible.
//
// Probes follow the buf_limit protocol the way a careful guest would: fill a buffer with a
// sentinel, ask with limit 0, with one byte too few, then with the exact length, and report
// whether the host wrote anything it should not have.
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_REQUEST_TRAILERS,
  HEADER_KIND_RESPONSE, add_header_value, enable_features, get_config, get_header_names,
  get_header_values, get_method, get_protocol_version, get_source_addr, get_status_code, get_uri,
  log, log_enabled, read_body, remove_header, set_header_value, set_status_code, write_body
} from "../../packages/guest/assembly/abi";

const SCRATCH_SIZE: u32 = 4096;
const scratch: usize = memory.data(4096);
// The probe buffer: larger than any value probed, so writes past the value's end are caught.
const PROBE_SIZE: u32 = 8192;
const probe: usize = memory.data(8192);
const SENTINEL: u8 = 0xaa;

// ---- the report ----

let report = "";

function put(key: string, value: string): void {
  report += key + "=" + value + "\n";
}

function flag(b: bool): string {
  return b ? "1" : "0";
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

// ---- reading and writing the exchange ----

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

function writeBody(text: string): void {
  const b = String.UTF8.encode(text);
  write_body(BODY_KIND_RESPONSE, changetype<usize>(b), b.byteLength);
}

function headerKind(): u32 {
  const k = requestHeader("x-kind");
  return k.length == 0 ? HEADER_KIND_REQUEST : <u32>I32.parseInt(k);
}

// ---- probes ----

function callGetter(getter: string, buf: usize, limit: u32): u32 {
  if (getter == "get_method") return get_method(buf, limit);
  if (getter == "get_uri") return get_uri(buf, limit);
  if (getter == "get_protocol_version") return get_protocol_version(buf, limit);
  if (getter == "get_source_addr") return get_source_addr(buf, limit);
  if (getter == "get_config") return get_config(buf, limit);
  unreachable();
  return 0;
}

/** True when the host left the probe buffer's sentinel alone in [from, PROBE_SIZE). */
function untouchedFrom(from: u32): bool {
  for (let i = from; i < PROBE_SIZE; i++) if (load<u8>(probe + i) != SENTINEL) return false;
  return true;
}

function probeGetter(getter: string): void {
  memory.fill(probe, SENTINEL, PROBE_SIZE);
  const len0 = callGetter(getter, probe, 0);
  put("len0", len0.toString());
  put("untouched0", flag(untouchedFrom(0)));
  if (len0 > 0) {
    put("lenShort", callGetter(getter, probe, len0 - 1).toString());
    put("untouchedShort", flag(untouchedFrom(0)));
  }
  const lenExact = callGetter(getter, probe, len0);
  put("lenExact", lenExact.toString());
  put("value", hex(probe, lenExact));
  put("guard", flag(untouchedFrom(lenExact)));
}

/** The same protocol for the i64 count_len getters: names (name == "") or values of one name. */
function callList(kind: u32, name: string, buf: usize, limit: u32): u64 {
  if (name.length == 0) return get_header_names(kind, buf, limit);
  const n = String.UTF8.encode(name);
  return get_header_values(kind, changetype<usize>(n), n.byteLength, buf, limit);
}

function probeList(kind: u32, name: string): void {
  memory.fill(probe, SENTINEL, PROBE_SIZE);
  const packed0 = callList(kind, name, probe, 0);
  const len0 = <u32>packed0;
  put("count0", (packed0 >> 32).toString());
  put("len0", len0.toString());
  put("untouched0", flag(untouchedFrom(0)));
  if (len0 > 0) {
    callList(kind, name, probe, len0 - 1);
    put("untouchedShort", flag(untouchedFrom(0)));
  }
  const packed = callList(kind, name, probe, len0);
  const len = <u32>packed;
  put("count", (packed >> 32).toString());
  put("len", len.toString());
  put("raw", hex(probe, len));
  put("guard", flag(untouchedFrom(len)));
}

// ---- the cases ----

function readRequestBody(chunk: u32): void {
  // Echo what was read as the body; the read sizes go in a header ("5e" = 5 bytes, then EOF).
  let reads = "";
  let total: u32 = 0;
  const body = new ArrayBuffer(256 * 1024);
  const base = changetype<usize>(body);
  for (let i = 0; i < 100000; i++) {
    if (total + chunk > <u32>body.byteLength) unreachable();
    const packed = read_body(BODY_KIND_REQUEST, base + total, chunk);
    const n = <u32>packed;
    total += n;
    const eof = (packed >> 32) != 0;
    reads += (reads.length ? "," : "") + n.toString() + (eof ? "e" : "");
    if (eof) break;
  }
  setHeader(HEADER_KIND_RESPONSE, "x-reads", reads);
  write_body(BODY_KIND_RESPONSE, base, total);
}

function logAtEveryLevel(): void {
  for (let level = -1; level <= 3; level++) {
    const m = String.UTF8.encode("conformance log at " + level.toString());
    log(level, changetype<usize>(m), m.byteLength);
  }
  // An empty message, and one the host cannot read: the ABI says ignore, never trap.
  log(0, scratch, 0);
  log(0, 0xfffffff0, 64);
  put("logged", "1");
}

function runCase(id: string): void {
  if (id == "get_method") {
    const method = String.UTF8.decodeUnsafe(scratch, get_method(scratch, SCRATCH_SIZE));
    setHeader(HEADER_KIND_RESPONSE, "x-method", method);
    put("method", method);
  } else if (id == "get_uri") {
    put("uri", String.UTF8.decodeUnsafe(scratch, get_uri(scratch, SCRATCH_SIZE)));
  } else if (id == "get_protocol_version") {
    put("protocol", String.UTF8.decodeUnsafe(scratch, get_protocol_version(scratch, SCRATCH_SIZE)));
  } else if (id == "get_source_addr") {
    put("addr", String.UTF8.decodeUnsafe(scratch, get_source_addr(scratch, SCRATCH_SIZE)));
  } else if (id == "probe") {
    probeGetter(requestHeader("x-getter"));
  } else if (id == "get_header_names") {
    probeList(headerKind(), "");
  } else if (id == "get_header_values") {
    probeList(headerKind(), requestHeader("x-name"));
  } else if (id == "log_enabled") {
    for (let level = -1; level <= 3; level++) put("level" + level.toString(), log_enabled(level).toString());
  } else if (id == "log") {
    logAtEveryLevel();
  } else if (id == "enable_features") {
    // Each call returns the whole enabled set, not just what this call added.
    put("none", enable_features(0).toString());
    put("bufferRequest", enable_features(1).toString());
    put("bufferResponse", enable_features(2).toString());
    put("again", enable_features(0).toString());
    put("trailers", enable_features(4).toString());
    put("after", enable_features(0).toString());
  } else if (id == "features") {
    const wanted = requestHeader("x-enable");
    if (wanted.length) put("enabled", enable_features(<u32>I32.parseInt(wanted)).toString());
    put("current", enable_features(0).toString());
  } else if (id == "get_status_code") {
    put("status", get_status_code().toString());
  } else if (id == "set_status_code") {
    set_status_code(<u32>I32.parseInt(requestHeader("x-status")));
    put("status", get_status_code().toString());
  } else if (id == "read_body") {
    readRequestBody(<u32>I32.parseInt(requestHeader("x-chunk")));
    return;
  } else if (id == "write_body") {
    // The first write in handle_request replaces the (empty) response body; later ones append.
    writeBody("first");
    writeBody("+second");
    return;
  } else if (id == "response_headers") {
    setHeader(HEADER_KIND_RESPONSE, "X-Guest", "set");
    addHeader(HEADER_KIND_RESPONSE, "x-guest-multi", "one");
    addHeader(HEADER_KIND_RESPONSE, "X-Guest-Multi", "two, three");
    setHeader(HEADER_KIND_RESPONSE, "x-gone", "soon");
    removeHeader(HEADER_KIND_RESPONSE, "X-GONE");
    probeList(HEADER_KIND_RESPONSE, "x-guest-multi");
  } else if (id == "request_trailers") {
    probeList(HEADER_KIND_REQUEST_TRAILERS, "");
  } else if (id == "set_trailer") {
    // kind from x-kind: 2 (request trailer, before next) or 3 (response trailer).
    setHeader(headerKind(), "x-trailer", "from-guest");
    addHeader(headerKind(), "x-trailer-multi", "one");
    addHeader(headerKind(), "x-trailer-multi", "two, three");
    put("set", "1");
  } else {
    set_status_code(400);
    put("error", "unknown case " + id);
  }
  writeBody(report);
}

export function handle_request(): u64 {
  // Nothing outlives a request, so the bump allocator starts over each time.
  __reset();
  report = "";
  runCase(requestHeader("x-case"));
  return 0;
}

export function handle_response(reqCtx: u32, isError: u32): void {}
