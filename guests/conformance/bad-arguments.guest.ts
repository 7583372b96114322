// Conformance guest: hands the host arguments it must refuse. Pointers at and beyond the end of
// linear memory: the host must trap the guest (the request fails, the server lives on) when it
// would read or write outside memory, and must not when nothing is read or written (a zero
// buf_limit, a value that does not fit, a log message it cannot read: the ABI says a host ignores
// those). Also unknown header and body kinds, empty names and methods, and read_body with a zero
// buf_limit, which the reference host traps. The case is named in `x-case`; a case that survives
// answers 200 with what it saw.
//
// The raw ABI declarations come from the SDK's abi.ts, and nothing else of the SDK: the guest
// talks to the host directly. The build script rebuilds it when that file changes.

import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, HEADER_KIND_REQUEST, HEADER_KIND_RESPONSE, get_config,
  get_header_names, get_header_values, get_method, get_protocol_version, get_source_addr, get_uri,
  log, read_body, remove_header, set_header_value, set_method, set_uri, write_body
} from "../../packages/guest/assembly/abi";

const SCRATCH_SIZE: u32 = 4096;
const scratch: usize = memory.data(4096);
const name: usize = memory.data<u8>([0x78, 0x2d, 0x6f, 0x6b]); // "x-ok"
const WILD: usize = 0xfffffff0;
const NEGATIVE: usize = 0x80000000;

function memoryEnd(): usize {
  return <usize>memory.size() << 16;
}

function requestHeader(header: string): string {
  const n = String.UTF8.encode(header);
  const packed = get_header_values(HEADER_KIND_REQUEST, changetype<usize>(n), n.byteLength, scratch, SCRATCH_SIZE);
  if ((packed >> 32) == 0 || <u32>packed > SCRATCH_SIZE) return "";
  let end: u32 = 0;
  while (load<u8>(scratch + end) != 0) end++;
  return String.UTF8.decodeUnsafe(scratch, end);
}

function answer(text: string): void {
  const b = String.UTF8.encode(text);
  write_body(BODY_KIND_RESPONSE, changetype<usize>(b), b.byteLength);
}

function runCase(id: string): void {
  const end = memoryEnd();
  // Lengths first, with limit 0 at a wild pointer: nothing is written, so nothing may trap.
  const uriLen = get_uri(WILD, 0);
  if (id == "get_uri/limit-zero-wild-pointer") {
    answer("len=" + uriLen.toString());
  } else if (id == "get_uri/exact-end") {
    // The value ends on the last byte of memory: in bounds, so it must work.
    get_uri(end - uriLen, uriLen);
    answer("uri=" + String.UTF8.decodeUnsafe(end - uriLen, uriLen));
  } else if (id == "get_uri/too-small-wild-pointer") {
    // Doesn't fit, so nothing is written: the pointer is never used.
    answer("len=" + get_uri(WILD, uriLen - 1).toString());
  } else if (id == "log/past-end") {
    log(0, end - 2, 64);
    answer("survived");
  } else if (id == "get_uri/past-end") {
    get_uri(end - uriLen + 1, uriLen);
  } else if (id == "get_uri/wild-pointer") {
    get_uri(WILD, SCRATCH_SIZE);
  } else if (id == "get_uri/negative-pointer") {
    get_uri(NEGATIVE, SCRATCH_SIZE);
  } else if (id == "get_method/past-end") {
    get_method(end - 1, 64);
  } else if (id == "get_protocol_version/past-end") {
    get_protocol_version(end - 1, 64);
  } else if (id == "get_source_addr/past-end") {
    get_source_addr(end - 1, 64);
  } else if (id == "get_config/past-end") {
    get_config(end - 1, 64);
  } else if (id == "get_header_names/past-end") {
    get_header_names(HEADER_KIND_REQUEST, end - 1, SCRATCH_SIZE);
  } else if (id == "get_header_values/name-past-end") {
    get_header_values(HEADER_KIND_REQUEST, end - 2, 16, scratch, SCRATCH_SIZE);
  } else if (id == "get_header_values/empty-name") {
    get_header_values(HEADER_KIND_REQUEST, name, 0, scratch, SCRATCH_SIZE);
  } else if (id == "set_header_value/value-past-end") {
    set_header_value(HEADER_KIND_RESPONSE, name, 4, end - 1, 100);
  } else if (id == "set_header_value/name-wild-pointer") {
    set_header_value(HEADER_KIND_RESPONSE, WILD, 4, name, 4);
  } else if (id == "remove_header/name-past-end") {
    remove_header(HEADER_KIND_REQUEST, end - 1, 8);
  } else if (id == "set_method/past-end") {
    set_method(end - 2, 8);
  } else if (id == "set_uri/past-end") {
    set_uri(end - 2, 8);
  } else if (id == "write_body/past-end") {
    write_body(BODY_KIND_RESPONSE, end - 10, 100);
  } else if (id == "write_body/huge-length") {
    write_body(BODY_KIND_RESPONSE, scratch, 0xffffffff);
  } else if (id == "read_body/past-end") {
    read_body(BODY_KIND_REQUEST, end - 4, 100);
  } else if (id == "read_body/zero-limit") {
    read_body(BODY_KIND_REQUEST, scratch, 0);
  } else if (id == "read_body/unknown-kind") {
    read_body(2, scratch, SCRATCH_SIZE);
  } else if (id == "write_body/unknown-kind") {
    write_body(2, scratch, 1);
  } else if (id == "get_header_names/unknown-kind") {
    get_header_names(4, scratch, SCRATCH_SIZE);
  } else if (id == "set_header_value/unknown-kind") {
    set_header_value(4, name, 4, name, 4);
  } else if (id == "set_header_value/empty-name") {
    set_header_value(HEADER_KIND_RESPONSE, name, 0, name, 4);
  } else if (id == "set_method/empty") {
    set_method(name, 0);
  } else {
    answer("ok");
  }
}

export function handle_request(): u64 {
  __reset();
  runCase(requestHeader("x-case"));
  return 0;
}

export function handle_response(reqCtx: u32, isError: u32): void {}
