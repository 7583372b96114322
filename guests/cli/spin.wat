;; Never returns from handle_request: the host must stop it at its deadline.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64)
    (loop $forever (br $forever))
    (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
