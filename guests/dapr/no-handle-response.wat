;; A broken update: a valid module that lacks the handle_response export, so the host refuses it
;; when compiling. A hot reload to it must leave the serving guest in place.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64)
    (i64.const 1)))
