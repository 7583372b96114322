;; The rewrite the end-to-end rows compare against hand-written JS: a request-target starting with
;; "/api/" becomes "/v1/" + the rest (query kept), and every response gets "x-rewritten: 1".
;; bench/e2e/rewrite.ts is the JS twin; keep the two in step.
(module
  (import "http_handler" "get_uri" (func $get_uri (param i32 i32) (result i32)))
  (import "http_handler" "set_uri" (func $set_uri (param i32 i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "/api/")
  (data (i32.const 8) "/v1/")
  (data (i32.const 16) "x-rewritten")
  (data (i32.const 32) "1")
  ;; The URI is read to offset 1024 with room for 63 KiB.
  (global $uri i32 (i32.const 1024))
  (global $uri_limit i32 (i32.const 64512))

  (func (export "handle_request") (result i64)
    (local $len i32)
    (local.set $len (call $get_uri (global.get $uri) (global.get $uri_limit)))
    (if (i32.and
          (i32.and
            (i32.le_u (local.get $len) (global.get $uri_limit))
            (i32.ge_u (local.get $len) (i32.const 5)))
          ;; "/api/" as one 4-byte and one 1-byte compare
          (i32.and
            (i32.eq (i32.load (global.get $uri)) (i32.load (i32.const 0)))
            (i32.eq (i32.load8_u offset=4 (global.get $uri)) (i32.load8_u (i32.const 4)))))
      (then
        ;; "/api/rest" -> "/v1/rest": overwrite bytes 1..4 with "/v1/" and drop the first byte.
        (i32.store offset=1 (global.get $uri) (i32.load (i32.const 8)))
        (call $set_uri (i32.add (global.get $uri) (i32.const 1)) (i32.sub (local.get $len) (i32.const 1)))))
    (call $set_header_value (i32.const 1) (i32.const 16) (i32.const 11) (i32.const 32) (i32.const 1))
    (i64.const 1))

  (func (export "handle_response") (param i32 i32)))
