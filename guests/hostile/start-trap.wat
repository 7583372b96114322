;; A WASI-command-shaped guest whose `_start` traps: no instance can ever be made, so creation must
;; fail (`ready` rejects naming `_start`) and no request may reach the guest.
(module
  (memory (export "memory") 1)
  (func (export "_start") unreachable)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
