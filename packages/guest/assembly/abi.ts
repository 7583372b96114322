// The http-wasm handler ABI as the host provides it: module "http_handler", 19 functions.
// Signatures mirror content/http-handler-abi.md in http-wasm/http-wasm exactly; the rest of the SDK
// wraps these, and guests that need full control may call them directly.
//
// Packed i64 results:
//   get_header_names / get_header_values -> count << 32 | len   (NUL-terminated strings)
//   read_body                            -> eof << 32 | len
// "get" functions write only when the value fits in `bufLimit`, and always return the full length.

/** Header kinds: the first argument of the header functions. */
export const HEADER_KIND_REQUEST: u32 = 0;
export const HEADER_KIND_RESPONSE: u32 = 1;
export const HEADER_KIND_REQUEST_TRAILERS: u32 = 2;
export const HEADER_KIND_RESPONSE_TRAILERS: u32 = 3;

/** Body kinds: the first argument of `read_body` and `write_body`. */
export const BODY_KIND_REQUEST: u32 = 0;
export const BODY_KIND_RESPONSE: u32 = 1;

// --- setup ---

// @ts-ignore: decorator
@external("http_handler", "enable_features")
export declare function enable_features(features: u32): u32;

// @ts-ignore: decorator
@external("http_handler", "get_config")
export declare function get_config(buf: usize, bufLimit: u32): u32;

// --- logging ---

// @ts-ignore: decorator
@external("http_handler", "log_enabled")
export declare function log_enabled(level: i32): u32;

// @ts-ignore: decorator
@external("http_handler", "log")
export declare function log(level: i32, message: usize, messageLen: u32): void;

// --- request line ---

// @ts-ignore: decorator
@external("http_handler", "get_method")
export declare function get_method(buf: usize, bufLimit: u32): u32;

// @ts-ignore: decorator
@external("http_handler", "set_method")
export declare function set_method(method: usize, methodLen: u32): void;

// @ts-ignore: decorator
@external("http_handler", "get_uri")
export declare function get_uri(buf: usize, bufLimit: u32): u32;

// @ts-ignore: decorator
@external("http_handler", "set_uri")
export declare function set_uri(uri: usize, uriLen: u32): void;

// @ts-ignore: decorator
@external("http_handler", "get_protocol_version")
export declare function get_protocol_version(buf: usize, bufLimit: u32): u32;

// --- headers ---

// @ts-ignore: decorator
@external("http_handler", "get_header_names")
export declare function get_header_names(kind: u32, buf: usize, bufLimit: u32): u64;

// @ts-ignore: decorator
@external("http_handler", "get_header_values")
export declare function get_header_values(kind: u32, name: usize, nameLen: u32, buf: usize, bufLimit: u32): u64;

// @ts-ignore: decorator
@external("http_handler", "set_header_value")
export declare function set_header_value(kind: u32, name: usize, nameLen: u32, value: usize, valueLen: u32): void;

// @ts-ignore: decorator
@external("http_handler", "add_header_value")
export declare function add_header_value(kind: u32, name: usize, nameLen: u32, value: usize, valueLen: u32): void;

// @ts-ignore: decorator
@external("http_handler", "remove_header")
export declare function remove_header(kind: u32, name: usize, nameLen: u32): void;

// --- bodies ---

/** Traps when `bufLimit` is 0: callers must always pass a non-empty buffer. */
// @ts-ignore: decorator
@external("http_handler", "read_body")
export declare function read_body(kind: u32, buf: usize, bufLimit: u32): u64;

// @ts-ignore: decorator
@external("http_handler", "write_body")
export declare function write_body(kind: u32, body: usize, bodyLen: u32): void;

// --- response status ---

// @ts-ignore: decorator
@external("http_handler", "get_status_code")
export declare function get_status_code(): u32;

// @ts-ignore: decorator
@external("http_handler", "set_status_code")
export declare function set_status_code(statusCode: u32): void;

// --- client ---

// @ts-ignore: decorator
@external("http_handler", "get_source_addr")
export declare function get_source_addr(buf: usize, bufLimit: u32): u32;
