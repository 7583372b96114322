// Reading variable-length fields from the host.
//
// The ABI's "get" functions write only when the value fits in `buf_limit` and always return the
// full length, so a guest probes and retries. Probing with a static 2 KiB buffer instead of a limit
// of 0 means the common case (a short URI, method or header) costs one host call and no
// allocation; only longer values take the second call, into a buffer of exactly the right size.

/** Size of the shared scratch area that first reads land in. */
export const SCRATCH_SIZE: u32 = 2048;

/** Start of the scratch area. Safe to share: a wasm instance runs one call at a time. */
export const SCRATCH: usize = memory.data(<i32>SCRATCH_SIZE);

/** A host "get" function of the shape `(buf, buf_limit) -> len`. */
export type FieldGetter = (buf: usize, bufLimit: u32) => u32;

/** Reads a whole field as bytes, retrying with an exact-size buffer when it exceeds the scratch area. */
export function readBytes(get: FieldGetter): ArrayBuffer {
  const len = get(SCRATCH, SCRATCH_SIZE);
  const out = new ArrayBuffer(<i32>len);
  if (len <= SCRATCH_SIZE) {
    memory.copy(changetype<usize>(out), SCRATCH, len);
  } else {
    checkRetry(get(changetype<usize>(out), len), len);
  }
  return out;
}

/** Reads a whole field as UTF-8 text. */
export function readString(get: FieldGetter): string {
  const len = get(SCRATCH, SCRATCH_SIZE);
  if (len <= SCRATCH_SIZE) return String.UTF8.decodeUnsafe(SCRATCH, len);
  const buf = new ArrayBuffer(<i32>len);
  checkRetry(get(changetype<usize>(buf), len), len);
  return String.UTF8.decode(buf);
}

/**
 * The host answered the sized retry with a different length, so per the ABI it wrote nothing (or
 * the field changed mid-call). Either way the buffer holds no valid value: trap rather than guess.
 */
export function checkRetry(actual: u32, expected: u32): void {
  if (actual != expected) unreachable();
}

/** High 32 bits of a packed ABI result: a count or an EOF flag. */
// @ts-ignore: decorator
@inline export function high(packed: u64): u32 {
  return <u32>(packed >>> 32);
}

/** Low 32 bits of a packed ABI result: a length in bytes. */
// @ts-ignore: decorator
@inline export function low(packed: u64): u32 {
  return <u32>packed;
}

/**
 * Splits the NUL-terminated strings ("a\0bb\0") at `ptr`. Each string is terminated, not
 * separated, so the last byte of a well-formed list is NUL and an empty value is just "\0".
 */
export function splitNulTerminated(ptr: usize, len: u32): string[] {
  const out = new Array<string>();
  let start = ptr;
  const end = ptr + len;
  for (let p = ptr; p < end; p++) {
    if (load<u8>(p) == 0) {
      out.push(String.UTF8.decodeUnsafe(start, p - start));
      start = p + 1;
    }
  }
  return out;
}
