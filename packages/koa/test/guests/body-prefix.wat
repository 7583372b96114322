;; Without buffering: sets x-guest: prefix and writes "guest:" as the start of the response body,
;; then passes the request on; the app's body follows it.
(module
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "guest:")
  (data (i32.const 16) "x-guest")
  (data (i32.const 32) "prefix")
  (func (export "handle_request") (result i64)
    (call $set_header_value (i32.const 1) (i32.const 16) (i32.const 7) (i32.const 32) (i32.const 6))
    (call $write_body (i32.const 1) (i32.const 0) (i32.const 6))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
