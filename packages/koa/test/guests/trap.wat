;; Traps in handle_request when the request has an x-trap header, and in handle_response when it
;; has x-trap-late; otherwise passes the request on untouched.
(module
  (import "http_handler" "get_header_values" (func $get_header_values (param i32 i32 i32 i32 i32) (result i64)))
  (memory (export "memory") 1)
  (data (i32.const 0) "x-trap")
  (data (i32.const 16) "x-trap-late")
  (func $has (param $name i32) (param $len i32) (result i32)
    (i64.ne (i64.shr_u (call $get_header_values (i32.const 0) (local.get $name) (local.get $len) (i32.const 0) (i32.const 0)) (i64.const 32)) (i64.const 0)))
  (func (export "handle_request") (result i64)
    (if (call $has (i32.const 0) (i32.const 6)) (then unreachable))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)
    (if (call $has (i32.const 16) (i32.const 11)) (then unreachable))))
