;; Reads the whole request body with buffer_request on, so the app still gets it, and copies what
;; it read into the request header x-guest-read (bodies up to 60 KiB, header-safe text).
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 0) "x-guest-read")
  (func (export "handle_request") (result i64)
    (local $len i32) (local $r i64)
    (drop (call $enable_features (i32.const 1)))
    ;; Small reads on purpose: the body arrives in several read_body calls.
    (loop $more
      (local.set $r (call $read_body (i32.const 0) (i32.add (i32.const 1024) (local.get $len)) (i32.const 7)))
      (local.set $len (i32.add (local.get $len) (i32.wrap_i64 (local.get $r))))
      (br_if $more (i64.eqz (i64.shr_u (local.get $r) (i64.const 32)))))
    (call $set_header_value (i32.const 0) (i32.const 0) (i32.const 12) (i32.const 1024) (local.get $len))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
