;; A guest that does whatever its request tells it to: the request header `x-script` carries a list
;; of calls (hex, 21 bytes a record: op u8, then five i32 arguments, little-endian), and the guest
;; makes them with exactly those arguments. Ops 0-18 are the 19 http_handler host functions in the
;; order of guests/hostile/script.ts; the ops from 0x20 are hostile acts (trap, spin, exhaust memory,
;; write a huge body) and the split between handle_request and handle_response.
;;
;; Without the header the guest passes the request on (next=1). The fault matrix (test/faults) and
;; the host-function fuzzer (packages/core/test/fuzz) both drive it; script.ts writes the scripts.
;;
;; Memory: 0x0000 scratch, where pointers in scripts mostly land; 0x4000 a dictionary of names and
;; values (listed in script.ts); 0x6ff0 the report (handle_response's ctx and isError, then each
;; call's result as i64); 0x8000 the header as read; 0xc000 the decoded script; 0x10000.. grown on
;; demand for big bodies.
(module
  (import "http_handler" "enable_features" (func $enable_features (param i32) (result i32)))
  (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
  (import "http_handler" "log_enabled" (func $log_enabled (param i32) (result i32)))
  (import "http_handler" "log" (func $log (param i32 i32 i32)))
  (import "http_handler" "get_method" (func $get_method (param i32 i32) (result i32)))
  (import "http_handler" "set_method" (func $set_method (param i32 i32)))
  (import "http_handler" "get_uri" (func $get_uri (param i32 i32) (result i32)))
  (import "http_handler" "set_uri" (func $set_uri (param i32 i32)))
  (import "http_handler" "get_protocol_version" (func $get_protocol_version (param i32 i32) (result i32)))
  (import "http_handler" "get_header_names" (func $get_header_names (param i32 i32 i32) (result i64)))
  (import "http_handler" "get_header_values" (func $get_header_values (param i32 i32 i32 i32 i32) (result i64)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (import "http_handler" "add_header_value" (func $add_header_value (param i32 i32 i32 i32 i32)))
  (import "http_handler" "remove_header" (func $remove_header (param i32 i32 i32)))
  (import "http_handler" "read_body" (func $read_body (param i32 i32 i32) (result i64)))
  (import "http_handler" "write_body" (func $write_body (param i32 i32 i32)))
  (import "http_handler" "get_status_code" (func $get_status_code (result i32)))
  (import "http_handler" "set_status_code" (func $set_status_code (param i32)))
  (import "http_handler" "get_source_addr" (func $get_source_addr (param i32 i32) (result i32)))

  (memory (export "memory") 1)

  ;; The dictionary: script.ts names each entry's offset and length.
  (data (i32.const 0x4000) "x-ok")
  (data (i32.const 0x4010) "fine")
  (data (i32.const 0x4020) "fine\0d\0ax-injected: yes")
  (data (i32.const 0x4040) "x-script")
  (data (i32.const 0x4050) "content-type")
  (data (i32.const 0x4060) "bad name")
  (data (i32.const 0x4070) "X-Mixed-Case")
  (data (i32.const 0x4080) "PATCH")
  (data (i32.const 0x4090) "/rewritten?q=1")
  (data (i32.const 0x40b0) "bad uri")
  (data (i32.const 0x40c0) "h\e9llo")
  (data (i32.const 0x40d0) "nul\00inside")
  (data (i32.const 0x40e0) "x-injected")
  (data (i32.const 0x40f0) "GET\0d\0a")
  (data (i32.const 0x4100) "x-empty")

  (type $call (func (param i32 i32 i32 i32 i32) (result i64)))
  (table 19 funcref)
  (elem (i32.const 0)
    $op_enable_features $op_get_config $op_log_enabled $op_log $op_get_method $op_set_method
    $op_get_uri $op_set_uri $op_get_protocol_version $op_get_header_names $op_get_header_values
    $op_set_header_value $op_add_header_value $op_remove_header $op_read_body $op_write_body
    $op_get_status_code $op_set_status_code $op_get_source_addr)

  ;; Each host function behind one signature, its result widened to i64 (0 for none).
  (func $op_enable_features (type $call) (i64.extend_i32_u (call $enable_features (local.get 0))))
  (func $op_get_config (type $call) (i64.extend_i32_u (call $get_config (local.get 0) (local.get 1))))
  (func $op_log_enabled (type $call) (i64.extend_i32_u (call $log_enabled (local.get 0))))
  (func $op_log (type $call) (call $log (local.get 0) (local.get 1) (local.get 2)) (i64.const 0))
  (func $op_get_method (type $call) (i64.extend_i32_u (call $get_method (local.get 0) (local.get 1))))
  (func $op_set_method (type $call) (call $set_method (local.get 0) (local.get 1)) (i64.const 0))
  (func $op_get_uri (type $call) (i64.extend_i32_u (call $get_uri (local.get 0) (local.get 1))))
  (func $op_set_uri (type $call) (call $set_uri (local.get 0) (local.get 1)) (i64.const 0))
  (func $op_get_protocol_version (type $call) (i64.extend_i32_u (call $get_protocol_version (local.get 0) (local.get 1))))
  (func $op_get_header_names (type $call) (call $get_header_names (local.get 0) (local.get 1) (local.get 2)))
  (func $op_get_header_values (type $call)
    (call $get_header_values (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)))
  (func $op_set_header_value (type $call)
    (call $set_header_value (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)) (i64.const 0))
  (func $op_add_header_value (type $call)
    (call $add_header_value (local.get 0) (local.get 1) (local.get 2) (local.get 3) (local.get 4)) (i64.const 0))
  (func $op_remove_header (type $call) (call $remove_header (local.get 0) (local.get 1) (local.get 2)) (i64.const 0))
  (func $op_read_body (type $call) (call $read_body (local.get 0) (local.get 1) (local.get 2)))
  (func $op_write_body (type $call) (call $write_body (local.get 0) (local.get 1) (local.get 2)) (i64.const 0))
  (func $op_get_status_code (type $call) (i64.extend_i32_u (call $get_status_code)))
  (func $op_set_status_code (type $call) (call $set_status_code (local.get 0)) (i64.const 0))
  (func $op_get_source_addr (type $call) (i64.extend_i32_u (call $get_source_addr (local.get 0) (local.get 1))))

  (global $pc (mut i32) (i32.const 0))      ;; offset of the next record in the decoded script
  (global $size (mut i32) (i32.const 0))    ;; decoded script length
  (global $calls (mut i32) (i32.const 0))   ;; results recorded so far
  (global $next (mut i64) (i64.const 0))    ;; what handle_request returns at a NEXT record

  (func $hex (param $c i32) (result i32)
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 48)) (i32.const 9))
      (then (return (i32.sub (local.get $c) (i32.const 48)))))
    (if (i32.le_u (i32.sub (local.get $c) (i32.const 97)) (i32.const 5))
      (then (return (i32.sub (local.get $c) (i32.const 87)))))
    (i32.const 0))

  ;; Decodes the first header value (NUL-terminated at 0x8000) into 0xc000; returns false if absent.
  (func $load_script (result i32)
    (local $packed i64) (local $in i32) (local $out i32)
    (local.set $packed (call $get_header_values (i32.const 0) (i32.const 0x4040) (i32.const 8) (i32.const 0x8000) (i32.const 0x4000)))
    (if (i64.eqz (i64.shr_u (local.get $packed) (i64.const 32))) (then (return (i32.const 0))))
    (if (i32.gt_u (i32.wrap_i64 (local.get $packed)) (i32.const 0x4000)) (then (return (i32.const 0))))
    (local.set $in (i32.const 0x8000))
    (local.set $out (i32.const 0xc000))
    (block $done
      (loop $pair
        (br_if $done (i32.eqz (i32.load8_u (local.get $in))))
        (br_if $done (i32.eqz (i32.load8_u offset=1 (local.get $in))))
        (i32.store8 (local.get $out)
          (i32.or
            (i32.shl (call $hex (i32.load8_u (local.get $in))) (i32.const 4))
            (call $hex (i32.load8_u offset=1 (local.get $in)))))
        (local.set $in (i32.add (local.get $in) (i32.const 2)))
        (local.set $out (i32.add (local.get $out) (i32.const 1)))
        (br_if $pair (i32.lt_u (local.get $out) (i32.const 0xe000)))))
    (global.set $size (i32.sub (local.get $out) (i32.const 0xc000)))
    (i32.const 1))

  ;; Makes sure memory reaches `end` bytes; traps if it cannot grow that far.
  (func $reach (param $end i64)
    (local $pages i64)
    (local.set $pages (i64.shr_u (i64.add (local.get $end) (i64.const 0xffff)) (i64.const 16)))
    (if (i64.gt_u (local.get $pages) (i64.extend_i32_u (memory.size)))
      (then
        (if (i32.eq
              (memory.grow (i32.wrap_i64 (i64.sub (local.get $pages) (i64.extend_i32_u (memory.size)))))
              (i32.const -1))
          (then unreachable)))))

  ;; Hostile acts: 0x21 trap, 0x22 spin forever, 0x23 grow by a0 pages until refused then trap,
  ;; 0x24 write_body(a2, 0x10000, a1) a0 times, 0x25 report, 0x26 memory.grow(a0).
  (func $act (param $op i32) (param $a0 i32) (param $a1 i32) (param $a2 i32)
    (local $i i32)
    (if (i32.eq (local.get $op) (i32.const 0x21)) (then unreachable))
    (if (i32.eq (local.get $op) (i32.const 0x22)) (then (loop $forever (br $forever))))
    (if (i32.eq (local.get $op) (i32.const 0x23))
      (then
        (loop $grow (br_if $grow (i32.ne (memory.grow (local.get $a0)) (i32.const -1))))
        unreachable))
    (if (i32.eq (local.get $op) (i32.const 0x24))
      (then
        (call $reach (i64.add (i64.const 0x10000) (i64.extend_i32_u (local.get $a1))))
        (block $done
          (loop $write
            (br_if $done (i32.ge_u (local.get $i) (local.get $a0)))
            (call $write_body (local.get $a2) (i32.const 0x10000) (local.get $a1))
            (local.set $i (i32.add (local.get $i) (i32.const 1)))
            (br $write)))))
    (if (i32.eq (local.get $op) (i32.const 0x25))
      (then
        (call $write_body (i32.const 1) (i32.const 0x6ff0)
          (i32.add (i32.const 16) (i32.shl (global.get $calls) (i32.const 3))))))
    (if (i32.eq (local.get $op) (i32.const 0x26)) (then (drop (memory.grow (local.get $a0))))))

  ;; Runs records from $pc. In handle_request ($stop_at_next) a NEXT record (0x20) ends the run
  ;; and returns true; in handle_response NEXT records are skipped.
  (func $run (param $stop_at_next i32) (result i32)
    (local $at i32) (local $op i32) (local $result i64)
    (block $end
      (loop $record
        (br_if $end (i32.gt_u (i32.add (global.get $pc) (i32.const 21)) (global.get $size)))
        (local.set $at (i32.add (i32.const 0xc000) (global.get $pc)))
        (global.set $pc (i32.add (global.get $pc) (i32.const 21)))
        (local.set $op (i32.load8_u (local.get $at)))
        (if (i32.lt_u (local.get $op) (i32.const 19))
          (then
            (local.set $result
              (call_indirect (type $call)
                (i32.load offset=1 (local.get $at)) (i32.load offset=5 (local.get $at))
                (i32.load offset=9 (local.get $at)) (i32.load offset=13 (local.get $at))
                (i32.load offset=17 (local.get $at)) (local.get $op)))
            (if (i32.lt_u (global.get $calls) (i32.const 64))
              (then
                (i64.store (i32.add (i32.const 0x7000) (i32.shl (global.get $calls) (i32.const 3))) (local.get $result))
                (global.set $calls (i32.add (global.get $calls) (i32.const 1))))))
          (else
            (if (i32.eq (local.get $op) (i32.const 0x20))
              (then
                (if (local.get $stop_at_next)
                  (then
                    (global.set $next
                      (i64.or
                        (i64.shl (i64.extend_i32_u (i32.load offset=1 (local.get $at))) (i64.const 32))
                        (i64.extend_i32_u (i32.load offset=5 (local.get $at)))))
                    (return (i32.const 1)))))
              (else
                (call $act (local.get $op)
                  (i32.load offset=1 (local.get $at)) (i32.load offset=5 (local.get $at)) (i32.load offset=9 (local.get $at)))))))
        (br $record)))
    (i32.const 0))

  (func (export "handle_request") (result i64)
    (global.set $pc (i32.const 0))
    (global.set $size (i32.const 0))
    (global.set $calls (i32.const 0))
    (i64.store (i32.const 0x6ff0) (i64.const -1))
    (i64.store (i32.const 0x6ff8) (i64.const 0))
    (if (i32.eqz (call $load_script)) (then (return (i64.const 1))))
    (if (result i64) (call $run (i32.const 1))
      (then (global.get $next))
      (else (i64.const 0))))

  (func (export "handle_response") (param $ctx i32) (param $is_error i32)
    (i32.store (i32.const 0x6ff0) (local.get $ctx))
    (i32.store (i32.const 0x6ff4) (local.get $is_error))
    (drop (call $run (i32.const 0)))))
