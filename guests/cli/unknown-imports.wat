;; Four imports the host cannot provide, each for a different reason; the verdict must list all
;; of them, not just the first (an engine LinkError names one).
(module
  (import "env" "abort" (func (param i32 i32 i32 i32)))
  (import "http_handler" "get_uri" (func (param i32) (result i32)))      ;; wrong signature
  (import "http_handler" "get_cookie" (func (param i32 i32) (result i32))) ;; not in the ABI
  (import "sidecar" "call" (func (param i32)))
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
