;; A WASI command shaped like a TinyGo guest: it exports `_start` and imports the preview1 functions
;; TinyGo's runtime reaches for. The host must run `_start` once per instance, before the first
;; request, and keep the instance usable afterwards, even when `_start` ends in proc_exit(0) (it
;; does whenever the guest config is non-empty).
;;
;; `_start` prints a line, reads args, environment and the wall clock, and enables buffer_request
;; for every request. handle_request prints to stdout and stderr, reads the monotonic clock twice
;; and 8 random bytes, and answers (next=0) with a report, one `key=value` line each.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "clock_time_get" (func $clock_time_get (param i32 i64 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_sizes_get" (func $environ_sizes_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "environ_get" (func $environ_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "random_get" (func $random_get (param i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))

  (memory (export "memory") 1)

  ;; Layout: 0 iovec, 8 nwritten, 16 argc, 20 argv_buf_size, 24 environ count, 28 environ_buf_size,
  ;; 32 and 40 monotonic reads, 48 wall clock at _start, 64 random bytes, 112 hex digits,
  ;; 128.. keys and messages, 512 config, 1024 the report, 2048 args/environ buffers.
  (data (i32.const 112) "0123456789abcdef")
  (data (i32.const 128) "starts=")
  (data (i32.const 144) "requests=")
  (data (i32.const 160) "argc=")
  (data (i32.const 168) "envc=")
  (data (i32.const 176) "features=")
  (data (i32.const 192) "clock_delta=")
  (data (i32.const 208) "realtime=")
  (data (i32.const 224) "random=")
  (data (i32.const 240) "errno=")
  (data (i32.const 256) "wasi command started\n")
  (data (i32.const 288) "handling request\n")
  (data (i32.const 320) "complaint on stderr\n")

  (global $starts (mut i32) (i32.const 0))
  (global $requests (mut i32) (i32.const 0))
  ;; Every WASI result OR-ed together: 0 when all succeeded.
  (global $errno (mut i32) (i32.const 0))
  (global $out (mut i32) (i32.const 1024))

  (func $check (param $result i32)
    (global.set $errno (i32.or (global.get $errno) (local.get $result))))

  (func $print (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (call $check (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func $emit_byte (param $b i32)
    (i32.store8 (global.get $out) (local.get $b))
    (global.set $out (i32.add (global.get $out) (i32.const 1))))

  (func $emit_key (param $ptr i32) (param $len i32)
    (memory.copy (global.get $out) (local.get $ptr) (local.get $len))
    (global.set $out (i32.add (global.get $out) (local.get $len))))

  ;; Decimal digits of an unsigned value, then a newline.
  (func $emit_dec (param $v i64)
    (local $start i32) (local $end i32) (local $tmp i32)
    (local.set $start (global.get $out))
    (loop $digits
      (call $emit_byte (i32.add (i32.const 48) (i32.wrap_i64 (i64.rem_u (local.get $v) (i64.const 10)))))
      (local.set $v (i64.div_u (local.get $v) (i64.const 10)))
      (br_if $digits (i64.ne (local.get $v) (i64.const 0))))
    (local.set $end (i32.sub (global.get $out) (i32.const 1)))
    (block $done
      (loop $reverse
        (br_if $done (i32.ge_u (local.get $start) (local.get $end)))
        (local.set $tmp (i32.load8_u (local.get $start)))
        (i32.store8 (local.get $start) (i32.load8_u (local.get $end)))
        (i32.store8 (local.get $end) (local.get $tmp))
        (local.set $start (i32.add (local.get $start) (i32.const 1)))
        (local.set $end (i32.sub (local.get $end) (i32.const 1)))
        (br $reverse)))
    (call $emit_byte (i32.const 10)))

  (func $emit_hex (param $ptr i32) (param $len i32)
    (local $i i32) (local $b i32)
    (block $done
      (loop $each
        (br_if $done (i32.ge_u (local.get $i) (local.get $len)))
        (local.set $b (i32.load8_u (i32.add (local.get $ptr) (local.get $i))))
        (call $emit_byte (i32.load8_u (i32.add (i32.const 112) (i32.shr_u (local.get $b) (i32.const 4)))))
        (call $emit_byte (i32.load8_u (i32.add (i32.const 112) (i32.and (local.get $b) (i32.const 15)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $each)))
    (call $emit_byte (i32.const 10)))

  (func (export "_start")
    (global.set $starts (i32.add (global.get $starts) (i32.const 1)))
    (call $print (i32.const 1) (i32.const 256) (i32.const 21))
    (call $check (call $args_sizes_get (i32.const 16) (i32.const 20)))
    (call $check (call $args_get (i32.const 2048) (i32.const 2304)))
    (call $check (call $environ_sizes_get (i32.const 24) (i32.const 28)))
    (call $check (call $environ_get (i32.const 2048) (i32.const 2304)))
    (call $check (call $clock_time_get (i32.const 0) (i64.const 1) (i32.const 48)))
    (drop (call $enable_features (i32.const 1)))
    ;; A command's main may end the process; the host must keep the instance.
    (if (i32.gt_u (call $get_config (i32.const 512) (i32.const 0)) (i32.const 0))
      (then (call $proc_exit (i32.const 0)))))

  (func (export "handle_request") (result i64)
    (global.set $requests (i32.add (global.get $requests) (i32.const 1)))
    (global.set $out (i32.const 1024))
    (call $print (i32.const 1) (i32.const 288) (i32.const 17))
    (call $print (i32.const 2) (i32.const 320) (i32.const 20))
    (call $check (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 32)))
    (call $check (call $clock_time_get (i32.const 1) (i64.const 1) (i32.const 40)))
    (call $check (call $random_get (i32.const 64) (i32.const 8)))

    (call $emit_key (i32.const 128) (i32.const 7))
    (call $emit_dec (i64.extend_i32_u (global.get $starts)))
    (call $emit_key (i32.const 144) (i32.const 9))
    (call $emit_dec (i64.extend_i32_u (global.get $requests)))
    (call $emit_key (i32.const 160) (i32.const 5))
    (call $emit_dec (i64.load32_u (i32.const 16)))
    (call $emit_key (i32.const 168) (i32.const 5))
    (call $emit_dec (i64.load32_u (i32.const 24)))
    (call $emit_key (i32.const 176) (i32.const 9))
    (call $emit_dec (i64.extend_i32_u (call $enable_features (i32.const 0))))
    (call $emit_key (i32.const 192) (i32.const 12))
    (call $emit_dec (i64.sub (i64.load (i32.const 40)) (i64.load (i32.const 32))))
    (call $emit_key (i32.const 208) (i32.const 9))
    (call $emit_dec (i64.load (i32.const 48)))
    (call $emit_key (i32.const 224) (i32.const 7))
    (call $emit_hex (i32.const 64) (i32.const 8))
    (call $emit_key (i32.const 240) (i32.const 6))
    (call $emit_dec (i64.extend_i32_u (global.get $errno)))

    (call $write_body (i32.const 1) (i32.const 1024) (i32.sub (global.get $out) (i32.const 1024)))
    (i64.const 0))

  (func (export "handle_response") (param i32 i32)))
