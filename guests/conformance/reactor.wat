;; A WASI reactor: it exports `_initialize`, which the host must run once per instance before the
;; first request. handle_request answers (next=0) with how often `_initialize` ran on this instance
;; and how many requests the instance served, e.g. "initialized=1 requests=2".
(module
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))

  (memory (export "memory") 1)

  (global $initialized (mut i32) (i32.const 0))
  (global $requests (mut i32) (i32.const 0))

  ;; "initialized=? requests=?" with the digits patched in at 12 and 23.
  (data (i32.const 0) "initialized=? requests=?")

  (func (export "_initialize")
    (global.set $initialized (i32.add (global.get $initialized) (i32.const 1))))

  (func (export "handle_request") (result i64)
    (global.set $requests (i32.add (global.get $requests) (i32.const 1)))
    (i32.store8 (i32.const 12) (i32.add (i32.const 48) (global.get $initialized)))
    (i32.store8 (i32.const 23) (i32.add (i32.const 48) (global.get $requests)))
    (call $write_body (i32.const 1) (i32.const 0) (i32.const 24))
    (i64.const 0))

  (func (export "handle_response") (param i32 i32)))
