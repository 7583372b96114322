;; Logs one line at error level, then traps in handle_request.
(module
  (import "http_handler" "log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "about to trap")  ;; 13 bytes
  (func (export "handle_request") (result i64)
    (call $log (i32.const 2) (i32.const 0) (i32.const 13))
    unreachable)
  (func (export "handle_response") (param i32 i32)))
