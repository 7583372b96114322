;; Logs (level info) "isError=1" or "isError=0" from handle_response, so a test can see whether
;; the host reported a downstream failure.
(module
  (import "http_handler" "log" (func $log (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "isError=0isError=1")
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param $ctx i32) (param $isError i32)
    (call $log (i32.const 0) (select (i32.const 9) (i32.const 0) (local.get $isError)) (i32.const 9))))
