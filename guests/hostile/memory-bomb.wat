;; Grows its memory a page at a time until memory.grow fails, then traps.
(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64)
    (loop $grow
      (br_if $grow (i32.ne (memory.grow (i32.const 16)) (i32.const -1))))
    unreachable)
  (func (export "handle_response") (param i32 i32)))
