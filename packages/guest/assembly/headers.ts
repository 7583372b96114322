// Headers as a multi-map over one header kind (request, response, or their trailers).
// Every field line is its own value: values are never split on commas nor joined, and the host
// matches names case-insensitively and reports them lower-cased.
import {
  get_header_names,
  get_header_values,
  set_header_value,
  add_header_value,
  remove_header,
} from "./abi";
import { SCRATCH, SCRATCH_SIZE, checkRetry, high, low, splitNulTerminated } from "./scratch";

export class Headers {
  /** `kind` is one of the HEADER_KIND_* constants. */
  constructor(readonly kind: u32) {}

  /** Every field name, lower-cased, in the host's order. */
  names(): string[] {
    const countLen = get_header_names(this.kind, SCRATCH, SCRATCH_SIZE);
    const len = low(countLen);
    if (len <= SCRATCH_SIZE) return splitNulTerminated(SCRATCH, len);
    const buf = new ArrayBuffer(<i32>len);
    checkRetry(low(get_header_names(this.kind, changetype<usize>(buf), len)), len);
    return splitNulTerminated(changetype<usize>(buf), len);
  }

  /** Every value of `name`, one per field line; empty when absent. */
  getAll(name: string): string[] {
    const n = String.UTF8.encode(name);
    const namePtr = changetype<usize>(n);
    const nameLen = <u32>n.byteLength;
    const countLen = get_header_values(this.kind, namePtr, nameLen, SCRATCH, SCRATCH_SIZE);
    const len = low(countLen);
    if (len <= SCRATCH_SIZE) return splitNulTerminated(SCRATCH, len);
    const buf = new ArrayBuffer(<i32>len);
    const again = get_header_values(this.kind, namePtr, nameLen, changetype<usize>(buf), len);
    checkRetry(low(again), len);
    return splitNulTerminated(changetype<usize>(buf), len);
  }

  /** The first value of `name`, or null when absent. */
  get(name: string): string | null {
    const values = this.getAll(name);
    return values.length ? values[0] : null;
  }

  /** Whether `name` has any value. Probes with a zero limit, so nothing is copied. */
  has(name: string): bool {
    const n = String.UTF8.encode(name);
    return high(get_header_values(this.kind, changetype<usize>(n), <u32>n.byteLength, 0, 0)) != 0;
  }

  /** Replaces every value of `name` with `value`. */
  set(name: string, value: string): void {
    const n = String.UTF8.encode(name);
    const v = String.UTF8.encode(value);
    set_header_value(this.kind, changetype<usize>(n), <u32>n.byteLength, changetype<usize>(v), <u32>v.byteLength);
  }

  /** Adds one more field line for `name`, keeping the existing ones. */
  add(name: string, value: string): void {
    const n = String.UTF8.encode(name);
    const v = String.UTF8.encode(value);
    add_header_value(this.kind, changetype<usize>(n), <u32>n.byteLength, changetype<usize>(v), <u32>v.byteLength);
  }

  /** Removes every value of `name`. */
  remove(name: string): void {
    const n = String.UTF8.encode(name);
    remove_header(this.kind, changetype<usize>(n), <u32>n.byteLength);
  }
}
