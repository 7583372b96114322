;; Shaped like a TinyGo build: a WASI command whose `_start` prints a line to stdout and enables
;; buffer_request for every request; it also imports clock_time_get and random_get, unused.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))

  (memory (export "memory") 1)
  (data (i32.const 64) "hello from _start\n")  ;; 18 bytes

  (func (export "_start")
    ;; one iovec at 0: { buf 64, len 18 }; bytes written land at 16
    (i32.store (i32.const 0) (i32.const 64))
    (i32.store (i32.const 4) (i32.const 18))
    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 16)))
    (drop (call $enable_features (i32.const 1))))

  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
