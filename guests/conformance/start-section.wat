;; Initialises in a wasm start section, as http-wasm-host-go's `config` and `redact` examples do:
;; the start function probes the guest config's length, reads it, and enables buffer_response for
;; every request. Start functions run inside instantiation, before the host can see `memory`, so a
;; host must defer this call to pass.
;;
;; handle_request reports (as response headers set before next) how often the start function ran
;; on this instance and which features init and the request see. handle_response then sets the
;; config as a header: allowed after next only because buffer_response was enabled at init.
(module
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))

  (memory (export "memory") 1)

  (global $starts (mut i32) (i32.const 0))
  (global $config_len (mut i32) (i32.const 0))
  (global $init_features (mut i32) (i32.const 0))

  (data (i32.const 0) "x-config")             ;; 8 bytes
  (data (i32.const 16) "x-init-features")     ;; 15 bytes
  (data (i32.const 32) "x-starts")            ;; 8 bytes
  (data (i32.const 48) "x-request-features")  ;; 18 bytes
  ;; 80: one byte for a digit; 1024..5120: the config.

  (func $init
    ;; Probe with limit 0 first (nothing may be written), then read exactly that much.
    (global.set $config_len (call $get_config (i32.const 1024) (i32.const 0)))
    (if (i32.gt_u (global.get $config_len) (i32.const 4096)) (then unreachable))
    (if (i32.ne (call $get_config (i32.const 1024) (global.get $config_len)) (global.get $config_len))
      (then unreachable))
    (global.set $init_features (call $enable_features (i32.const 2)))
    (global.set $starts (i32.add (global.get $starts) (i32.const 1))))

  (start $init)

  ;; Sets response header `name` to one decimal digit.
  (func $set_digit (param $name i32) (param $name_len i32) (param $digit i32)
    (i32.store8 (i32.const 80) (i32.add (i32.const 48) (local.get $digit)))
    (call $set_header_value (i32.const 1) (local.get $name) (local.get $name_len) (i32.const 80) (i32.const 1)))

  (func (export "handle_request") (result i64)
    (call $set_digit (i32.const 32) (i32.const 8) (global.get $starts))
    (call $set_digit (i32.const 16) (i32.const 15) (global.get $init_features))
    (call $set_digit (i32.const 48) (i32.const 18) (call $enable_features (i32.const 0)))
    (i64.const 1))

  (func (export "handle_response") (param $req_ctx i32) (param $is_error i32)
    (call $set_header_value (i32.const 1)
      (i32.const 0) (i32.const 8)
      (i32.const 1024) (global.get $config_len))))
