;; A guest whose `_start` never returns: the host must stop it (its initialisation budget) and fail
;; creation instead of hanging the app's start forever.
(module
  (memory (export "memory") 1)
  (func (export "_start") (loop $forever (br $forever)))
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
