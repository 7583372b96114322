;; Prints on stdout and stderr for every request, the way TinyGo guests print with fmt: one stdout
;; line begun in handle_request ("request <uri>") and finished in handle_response
;; (" response <uri>\n"), with the downstream handler running in between, and one whole stderr
;; line ("stderr <uri>\n"). Concurrent requests must each get their own lines, whole, tagged with
;; their own request id.
(module
  (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "http_handler" "get_uri" (func $get_uri (param i32 i32) (result i32)))
  (memory (export "memory") 1)
  ;; Layout: 0 iovec, 8 nwritten, 16.. the words, 256 the URI (up to 1024 bytes).
  (data (i32.const 16) "request ")
  (data (i32.const 32) " response ")
  (data (i32.const 48) "\n")
  (data (i32.const 64) "stderr ")
  (global $uri_len (mut i32) (i32.const 0))

  (func $write (param $fd i32) (param $ptr i32) (param $len i32)
    (i32.store (i32.const 0) (local.get $ptr))
    (i32.store (i32.const 4) (local.get $len))
    (drop (call $fd_write (local.get $fd) (i32.const 0) (i32.const 1) (i32.const 8))))

  (func (export "handle_request") (result i64)
    (global.set $uri_len (call $get_uri (i32.const 256) (i32.const 1024)))
    (call $write (i32.const 1) (i32.const 16) (i32.const 8))
    (call $write (i32.const 1) (i32.const 256) (global.get $uri_len))
    (call $write (i32.const 2) (i32.const 64) (i32.const 7))
    (call $write (i32.const 2) (i32.const 256) (global.get $uri_len))
    (call $write (i32.const 2) (i32.const 48) (i32.const 1))
    (i64.const 1))

  (func (export "handle_response") (param $ctx i32) (param $is_error i32)
    (call $write (i32.const 1) (i32.const 32) (i32.const 10))
    (call $write (i32.const 1) (i32.const 256) (global.get $uri_len))
    (call $write (i32.const 1) (i32.const 48) (i32.const 1))))
