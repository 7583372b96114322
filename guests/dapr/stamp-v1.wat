;; Appends "|v1" to every response body (buffer_response), so a test can tell which version of a
;; guest served a request. stamp-v1 and stamp-v2 differ only in that text: a hot reload swaps one
;; for the other.
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 0) "|v1")

  (func (export "handle_request") (result i64)
    (drop (call $enable_features (i32.const 2)))
    (i64.const 1))

  ;; The body is read at 1024 (up to 64 KiB), written back, then the stamp appended.
  (func (export "handle_response") (param $ctx i32) (param $is_error i32)
    (local $len i32)
    (local.set $len (i32.wrap_i64 (call $read_body (i32.const 1) (i32.const 1024) (i32.const 65536))))
    (call $write_body (i32.const 1) (i32.const 1024) (local.get $len))
    (call $write_body (i32.const 1) (i32.const 0) (i32.const 3))))
