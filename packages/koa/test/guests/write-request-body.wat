;; Replaces the request body with the guest config before passing the request on.
(module
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64)
    (call $write_body (i32.const 0) (i32.const 0) (call $get_config (i32.const 0) (i32.const 4096)))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
