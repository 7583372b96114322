;; buffer_response: after the app answered, sets status 203, copies the app's Content-Type into
;; x-original-type, and wraps the body as "[" + body + "]" (the first write replaces, later ones append).
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (import "http_handler" "set_status_code" (func $set_status_code (param i32)))
  (import "http_handler" "get_header_values" (func $get_header_values (param i32 i32 i32 i32 i32) (result i64)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 0) "[]")
  (data (i32.const 16) "content-type")
  (data (i32.const 32) "x-original-type")
  (func (export "handle_request") (result i64)
    (drop (call $enable_features (i32.const 2)))
    (i64.const 1))
  (func (export "handle_response") (param $ctx i32) (param $isError i32)
    (local $len i32) (local $r i64)
    (loop $more
      (local.set $r (call $read_body (i32.const 1) (i32.add (i32.const 4096) (local.get $len)) (i32.const 1000)))
      (local.set $len (i32.add (local.get $len) (i32.wrap_i64 (local.get $r))))
      (br_if $more (i64.eqz (i64.shr_u (local.get $r) (i64.const 32)))))
    ;; The first value, NUL-terminated, at 256; a missing header copies as "".
    (local.set $r (call $get_header_values (i32.const 1) (i32.const 16) (i32.const 12) (i32.const 256) (i32.const 512)))
    (call $set_header_value (i32.const 1) (i32.const 32) (i32.const 15) (i32.const 256)
      (select (call $first_len) (i32.const 0) (i64.ne (i64.shr_u (local.get $r) (i64.const 32)) (i64.const 0))))
    (call $set_status_code (i32.const 203))
    (call $write_body (i32.const 1) (i32.const 0) (i32.const 1))
    (call $write_body (i32.const 1) (i32.const 4096) (local.get $len))
    (call $write_body (i32.const 1) (i32.const 1) (i32.const 1)))
  ;; Length of the NUL-terminated string at 256.
  (func $first_len (result i32)
    (local $i i32)
    (block $done
      (loop $scan
        (br_if $done (i32.eqz (i32.load8_u (i32.add (i32.const 256) (local.get $i)))))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $scan)))
    (local.get $i)))
