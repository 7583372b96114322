;; Missing an ABI export: handle_response is not there, so the host must refuse it at load.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1)))
