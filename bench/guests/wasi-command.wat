;; Shaped like a TinyGo build: a WASI command exporting _start (run once per instance, here it
;; prints a line to stdout), importing fd_write, clock_time_get and random_get. Each request reads
;; the clock and 16 random bytes, as a guest stamping a request id would, then sets a header.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "x-wasi")
  (data (i32.const 16) "1")
  (data (i32.const 32) "guest started\n")
  ;; iovec for fd_write: { ptr=32, len=14 }
  (data (i32.const 64) "\20\00\00\00\0e\00\00\00")
  ;; scratch: 80 nwritten, 88 clock result, 96..112 random bytes

  (func (export "_start")
    (drop (call $fd_write (i32.const 1) (i32.const 64) (i32.const 1) (i32.const 80))))

  (func (export "handle_request") (result i64)
    (drop (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 88))) ;; monotonic
    (drop (call $random_get (i32.const 96) (i32.const 16)))
    (call $set_header_value (i32.const 1) (i32.const 0) (i32.const 6) (i32.const 16) (i32.const 1))
    (i64.const 1))

  (func (export "handle_response") (param i32 i32)))
