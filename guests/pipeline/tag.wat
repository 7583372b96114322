;; Marks the request and the response with its config string, to show pipeline order: on the request
;; it adds a field line `x-order: <config>`; on the response (buffer_response) it appends the
;; config to the body. Two of these mounted A then B give request order A,B and body "...BA".
(module
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "add_header_value" (func $add_header_value (param i32 i32 i32 i32 i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (memory (export "memory") 2)
  (data (i32.const 0) "x-order")
  ;; config at 64 (up to 64 bytes); body read at 1024 (up to 64 KiB)
  (global $config_len (mut i32) (i32.const 0))

  (func (export "handle_request") (result i64)
    (global.set $config_len (call $get_config (i32.const 64) (i32.const 64)))
    (drop (call $enable_features (i32.const 2)))
    (call $add_header_value (i32.const 0) (i32.const 0) (i32.const 7) (i32.const 64) (global.get $config_len))
    (i64.const 1))

  (func (export "handle_response") (param $ctx i32) (param $is_error i32)
    (local $len i32)
    (local.set $len (i32.wrap_i64 (call $read_body (i32.const 1) (i32.const 1024) (i32.const 65536))))
    (call $write_body (i32.const 1) (i32.const 1024) (local.get $len))
    (call $write_body (i32.const 1) (i32.const 64) (global.get $config_len))))
