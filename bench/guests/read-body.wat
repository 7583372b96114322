;; Reads the whole request body with buffer_request enabled (so the app still receives it), in
;; 64 KiB chunks, and hands on. Measures the host's body copy into guest memory.
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (memory (export "memory") 2)
  (global $buf i32 (i32.const 65536))
  (global $limit i32 (i32.const 65536))

  (func (export "handle_request") (result i64)
    (drop (call $enable_features (i32.const 1))) ;; buffer_request
    ;; read_body returns eof in the high 32 bits
    (loop $more
      (br_if $more (i64.eqz (i64.shr_u
        (call $read_body (i32.const 0) (global.get $buf) (global.get $limit))
        (i64.const 32)))))
    (i64.const 1))

  (func (export "handle_response") (param i32 i32)))
