;; Initialises in a wasm start section, as http-wasm-host-go's `config` example does: reads the
;; guest config (probe with limit 0, then read), and asks for buffer_response, trailers and an
;; unknown bit 0x10 for every request. `inspect` reports what the host granted at init.
(module
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))

  (memory (export "memory") 1 4)

  (func $init
    (local $len i32)
    (local.set $len (call $get_config (i32.const 1024) (i32.const 0)))
    (if (i32.gt_u (local.get $len) (i32.const 4096)) (then unreachable))
    (drop (call $get_config (i32.const 1024) (local.get $len)))
    (drop (call $enable_features (i32.const 0x16))))
  (start $init)

  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))
