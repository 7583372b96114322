;; A guest that does nothing but pass every request on (next=1). It imports nothing, so the host
;; has no reason to touch the exchange: the app must see the request, and the client the response,
;; exactly as they would without the middleware.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
