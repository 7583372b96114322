;; Rewrites every request's URI to the guest config (e.g. "/b?from=guest"), then passes it on.
(module
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "set_uri" (func $set_uri (param i32 i32)))
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64)
    (call $set_uri (i32.const 0) (call $get_config (i32.const 0) (i32.const 1024)))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
