/**
 * A guest of about 100 KB, generated at bench time (never committed: *.wasm is ignored). It stands
 * for a real compiled router: hundreds of functions with loops over memory, 32- and 64-bit
 * arithmetic, switches, direct and indirect calls, and a data segment, so that instrumenting and
 * compiling it costs what a guest of that size costs. Its handle_request still does the URI
 * rewrite of rewrite.wat (checked by the cold-start rows), after hashing the URI through functions
 * spread over the whole module, so the first request also pays V8's lazy compile of a few of them.
 *
 * The output is deterministic: a fixed seed, so every run measures the same module.
 */
import wabtInit from 'wabt';

/** Functions only called, never calling: call depth and run time stay bounded. */
const LEAVES = 220;
/** Functions that call leaves, directly and through the table. */
const CALLERS = 120;
const SEED = 0x5eed_1a7e;

/** mulberry32: small, seedable, good enough to vary the generated code. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const int = (r: Rand, n: number) => Math.floor(r() * n);
const odd = (r: Rand) => (int(r, 0x3fffffff) * 2 + 1) | 0;

/** Every function is `(ptr, len) -> hash`, reading at most 256 bytes from ptr. */
const leafSignature = '(param $p i32) (param $n i32) (result i32)';
const leafLocals = '(local $h i32) (local $i i32) (local $x i64) (local $end i32)';
const clampLen = '(local.set $end (i32.add (local.get $p) (select (local.get $n) (i32.const 256) (i32.lt_u (local.get $n) (i32.const 256)))))';

/** A byte loop: FNV-like mixing with a rotate. */
function byteScan(r: Rand): string {
  return `
    (local.set $i (local.get $p))
    (block $done (loop $next
      (br_if $done (i32.ge_u (local.get $i) (local.get $end)))
      (local.set $h (i32.mul (i32.xor (local.get $h) (i32.load8_u (local.get $i))) (i32.const ${odd(r)})))
      (local.set $h (i32.rotl (local.get $h) (i32.const ${1 + int(r, 30)})))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))`;
}

/** A word loop in 64-bit arithmetic. */
function wordScan(r: Rand): string {
  return `
    (local.set $i (local.get $p))
    (block $done (loop $next
      (br_if $done (i32.ge_u (i32.add (local.get $i) (i32.const 4)) (local.get $end)))
      (local.set $x (i64.add (local.get $x) (i64.mul (i64.extend_i32_u (i32.load (local.get $i))) (i64.const ${odd(r)}))))
      (local.set $x (i64.xor (local.get $x) (i64.shr_u (local.get $x) (i64.const ${13 + int(r, 20)}))))
      (local.set $i (i32.add (local.get $i) (i32.const 4)))
      (br $next)))
    (local.set $h (i32.xor (local.get $h) (i32.wrap_i64 (local.get $x))))`;
}

/** A switch on the hash so far: one br_table over nested blocks, as compilers emit for `switch`. */
function dispatch(r: Rand): string {
  const cases = 4 + int(r, 5);
  let s = '\n    (block $out';
  for (let c = cases - 1; c >= 0; c--) s += ` (block $c${c}`;
  s += `\n      (br_table ${Array.from({ length: cases }, (_, c) => `$c${c}`).join(' ')} (i32.rem_u (local.get $h) (i32.const ${cases})))`;
  for (let c = 0; c < cases; c++) {
    const op = ['i32.add', 'i32.xor', 'i32.sub', 'i32.or'][int(r, 4)];
    s += `)\n      (local.set $h (${op} (local.get $h) (i32.const ${int(r, 0x7fffffff)}))) (br $out)`;
  }
  return s + ')';
}

/** A copy-and-transform loop into the scratch area, then a read back. */
function scratchCopy(r: Rand): string {
  const scratch = 32768 + int(r, 64) * 256;
  return `
    (local.set $i (i32.const 0))
    (block $done (loop $next
      (br_if $done (i32.ge_u (i32.add (local.get $p) (local.get $i)) (local.get $end)))
      (i32.store8 offset=${scratch} (local.get $i)
        (i32.add (i32.load8_u (i32.add (local.get $p) (local.get $i))) (i32.const ${int(r, 256)})))
      (local.set $i (i32.add (local.get $i) (i32.const 1)))
      (br $next)))
    (local.set $h (i32.add (local.get $h) (i32.load offset=${scratch} (i32.const 0))))`;
}

/** Branches on the bits of the hash. */
function branches(r: Rand): string {
  return `
    (if (i32.and (local.get $h) (i32.const ${1 << int(r, 16)}))
      (then (local.set $h (i32.mul (local.get $h) (i32.const ${odd(r)}))))
      (else (local.set $h (i32.add (i32.shl (local.get $h) (i32.const ${1 + int(r, 7)})) (local.get $n)))))
    (local.set $h (i32.xor (local.get $h) (i32.shr_u (local.get $h) (i32.const ${1 + int(r, 15)}))))`;
}

const leafParts = [byteScan, wordScan, dispatch, scratchCopy, branches];

function leaf(index: number, r: Rand): string {
  let body = '';
  const parts = 3 + int(r, 3);
  for (let k = 0; k < parts; k++) body += leafParts[int(r, leafParts.length)](r);
  return `  (func $leaf${index} ${leafSignature} ${leafLocals}
    (local.set $h (i32.const ${int(r, 0x7fffffff)}))
    ${clampLen}${body}
    (local.get $h))\n`;
}

function caller(index: number, r: Rand): string {
  let body = '';
  const calls = 2 + int(r, 3);
  for (let k = 0; k < calls; k++) {
    const skip = int(r, 8);
    const args = `(i32.add (local.get $p) (i32.const ${skip})) (select (i32.sub (local.get $n) (i32.const ${skip})) (i32.const 0) (i32.gt_u (local.get $n) (i32.const ${skip})))`;
    body += r() < 0.5
      ? `\n    (local.set $h (i32.add (local.get $h) (call $leaf${int(r, LEAVES)} ${args})))`
      : `\n    (local.set $h (i32.xor (local.get $h) (call_indirect (type $hash) ${args} (i32.rem_u (local.get $h) (i32.const ${LEAVES})))))`;
    body += branches(r);
  }
  return `  (func $caller${index} ${leafSignature} ${leafLocals}
    (local.set $h (i32.const ${int(r, 0x7fffffff)}))
    ${clampLen}${body}
    (local.get $h))\n`;
}

/** handle_request: hash the URI through callers spread over the module, then rewrite.wat's rewrite. */
function handleRequest(): string {
  const spread = [0, 1, 2, 3, 4, 5, 6, 7].map((k) => Math.floor((k * CALLERS) / 8));
  const hashes = spread.map((c) => `\n    (local.set $h (i32.add (local.get $h) (call $caller${c} (global.get $uri) (local.get $len))))`).join('');
  return `  (func (export "handle_request") (result i64) (local $len i32) (local $h i32)
    (local.set $len (call $get_uri (global.get $uri) (global.get $uri_limit)))
    (if (i32.gt_u (local.get $len) (global.get $uri_limit)) (then (return (i64.const 1))))${hashes}
    (global.set $last_hash (local.get $h))
    (if (i32.and
          (i32.ge_u (local.get $len) (i32.const 5))
          (i32.and
            (i32.eq (i32.load (global.get $uri)) (i32.load (i32.const 0)))
            (i32.eq (i32.load8_u offset=4 (global.get $uri)) (i32.load8_u (i32.const 4)))))
      (then
        (i32.store offset=1 (global.get $uri) (i32.load (i32.const 8)))
        (call $set_uri (i32.add (global.get $uri) (i32.const 1)) (i32.sub (local.get $len) (i32.const 1)))))
    (call $set_header_value (i32.const 1) (i32.const 16) (i32.const 11) (i32.const 32) (i32.const 1))
    (i64.const 1))\n`;
}

/** Bytes a real guest keeps in its data segment: routing tables, strings. */
function routingTable(r: Rand, size: number): string {
  let s = '';
  for (let i = 0; i < size; i++) s += `\\${int(r, 256).toString(16).padStart(2, '0')}`;
  return s;
}

export function largeGuestWat(): string {
  const r = random(SEED);
  let funcs = '';
  for (let i = 0; i < LEAVES; i++) funcs += leaf(i, r);
  for (let i = 0; i < CALLERS; i++) funcs += caller(i, r);
  return `;; generated by bench/guests/large-guest.ts
(module
  (type $hash (func (param i32 i32) (result i32)))
  (import "http_handler" "get_uri" (func $get_uri (param i32 i32) (result i32)))
  (import "http_handler" "set_uri" (func $set_uri (param i32 i32)))
  (import "http_handler" "set_header_value" (func $set_header_value (param i32 i32 i32 i32 i32)))
  (memory (export "memory") 2)
  (table ${LEAVES} funcref)
  (elem (i32.const 0) ${Array.from({ length: LEAVES }, (_, i) => `$leaf${i}`).join(' ')})
  (data (i32.const 0) "/api/")
  (data (i32.const 8) "/v1/")
  (data (i32.const 16) "x-rewritten")
  (data (i32.const 32) "1")
  (data (i32.const 65536) "${routingTable(r, 4096)}")
  (global $uri i32 (i32.const 1024))
  (global $uri_limit i32 (i32.const 30720))
  (global $last_hash (mut i32) (i32.const 0))
${funcs}${handleRequest()}
  (func (export "handle_response") (param i32 i32)))
`;
}

/** The guest as a binary, without a name section: its size is code and data, as a stripped build. */
export async function largeGuestBytes(): Promise<Uint8Array> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat('large-guest.wat', largeGuestWat());
  try {
    mod.resolveNames();
    mod.validate();
    return mod.toBinary({ write_debug_names: false }).buffer;
  } finally {
    mod.destroy();
  }
}
