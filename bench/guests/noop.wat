;; The cheapest possible guest: imports nothing, touches nothing, always hands on (next=1). Its cost
;; is the host's fixed per-request price: pool, request state, two calls into wasm.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
