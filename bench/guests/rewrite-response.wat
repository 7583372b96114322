;; Rewrites the response body with buffer_response: after next, reads the captured body in 64 KiB
;; chunks and writes each chunk back (the first write replaces the body, later ones append). The
;; bytes come out unchanged, so the cost measured is the host's capture and both copies.
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (memory (export "memory") 2)
  (global $buf i32 (i32.const 65536))
  (global $limit i32 (i32.const 65536))

  (func (export "handle_request") (result i64)
    (drop (call $enable_features (i32.const 2))) ;; buffer_response
    (i64.const 1))

  (func (export "handle_response") (param $ctx i32) (param $is_error i32)
    (local $r i64)
    (local $n i32)
    (if (local.get $is_error) (then (return)))
    (loop $more
      (local.set $r (call $read_body (i32.const 1) (global.get $buf) (global.get $limit)))
      (local.set $n (i32.wrap_i64 (local.get $r)))
      (if (local.get $n) (then (call $write_body (i32.const 1) (global.get $buf) (local.get $n))))
      (br_if $more (i64.eqz (i64.shr_u (local.get $r) (i64.const 32)))))))
