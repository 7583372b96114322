;; The router from the http-wasm and Dapr documentation: a request whose URI starts with /host has
;; that prefix trimmed and goes on to the app; any other request is answered by the guest itself
;; with a plain-text "hello".
(module
  (import "http_handler" "get_uri" (func $get_uri (param i32 i32) (result i32)))
  (import "http_handler" "set_uri" (func $set_uri (param i32 i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (memory (export "memory") 1)
  (data (i32.const 0) "/host")
  (data (i32.const 16) "content-type")
  (data (i32.const 32) "text/plain")
  (data (i32.const 48) "hello")
  ;; The URI is read to offset 1024; 63 KiB is room enough for any request-target we accept.
  (global $uri i32 (i32.const 1024))
  (global $uri_limit i32 (i32.const 64512))

  (func $has_host_prefix (param $len i32) (result i32)
    (if (i32.lt_u (local.get $len) (i32.const 5)) (then (return (i32.const 0))))
    ;; compare the first 5 bytes with "/host" as one 4-byte and one 1-byte load
    (i32.and
      (i32.eq (i32.load (global.get $uri)) (i32.load (i32.const 0)))
      (i32.eq (i32.load8_u offset=4 (global.get $uri)) (i32.load8_u (i32.const 4)))))

  (func (export "handle_request") (result i64)
    (local $len i32)
    (local.set $len (call $get_uri (global.get $uri) (global.get $uri_limit)))
    (if (i32.and
          (i32.le_u (local.get $len) (global.get $uri_limit))
          (call $has_host_prefix (local.get $len)))
      (then
        ;; "/host" alone becomes "/"
        (if (i32.eq (local.get $len) (i32.const 5))
          (then (call $set_uri (i32.const 0) (i32.const 1)))
          (else (call $set_uri (i32.add (global.get $uri) (i32.const 5)) (i32.sub (local.get $len) (i32.const 5)))))
        (return (i64.const 1))))
    (call $set_header_value (i32.const 1) (i32.const 16) (i32.const 12) (i32.const 32) (i32.const 10))
    (call $write_body (i32.const 1) (i32.const 48) (i32.const 5))
    (i64.const 0))

  (func (export "handle_response") (param i32 i32)))
