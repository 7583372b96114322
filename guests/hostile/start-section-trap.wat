;; A guest whose wasm start section traps: instantiation itself fails, before the host can call
;; anything, so creation must fail naming the start function.
(module
  (memory (export "memory") 1)
  (func $init unreachable)
  (start $init)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
