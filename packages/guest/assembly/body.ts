// A request or response body: a stateful stream on the host.
// Reads consume what they return (unless the matching buffer feature is on, in which case the host
// replays the bytes to the next handler). The first write in a phase replaces the body and later
// writes append.
import { read_body, write_body } from "./abi";
import { high, low } from "./scratch";

/** First capacity `readAll` tries; it doubles while the host keeps sending. */
const READ_ALL_INITIAL: i32 = 2048;

export class Body {
  // Per phase: the dispatcher hands each phase fresh Body objects, so a request body that ended in
  // handle_request does not look ended to a read of the response body in handle_response.
  private ended: bool = false;

  /** `kind` is BODY_KIND_REQUEST or BODY_KIND_RESPONSE. */
  constructor(readonly kind: u32) {}

  /** True once the host reported the end of the stream. */
  get eof(): bool {
    return this.ended;
  }

  /**
   * Reads the next chunk into `into` and returns how many bytes arrived (possibly 0 before the
   * end). Check `eof` afterwards: a read can return bytes and reach the end at once.
   */
  read(into: Uint8Array): u32 {
    // read_body traps on a zero limit, and there is nothing left to read after the end.
    if (into.byteLength == 0 || this.ended) return 0;
    return this.readInto(into.dataStart, <u32>into.byteLength);
  }

  /** Reads everything left in the body. */
  readAll(): Uint8Array {
    let buf = new Uint8Array(READ_ALL_INITIAL);
    let len: u32 = 0;
    while (!this.ended) {
      if (len == <u32>buf.byteLength) {
        const bigger = new Uint8Array(buf.byteLength << 1);
        bigger.set(buf);
        buf = bigger;
      }
      len += this.readInto(buf.dataStart + len, <u32>buf.byteLength - len);
    }
    return buf.slice(0, <i32>len);
  }

  /** Reads everything left in the body as UTF-8 text. */
  readText(): string {
    const bytes = this.readAll();
    return String.UTF8.decodeUnsafe(bytes.dataStart, bytes.byteLength);
  }

  /** Writes a string (as UTF-8), an ArrayBuffer or a Uint8Array. */
  write<T>(data: T): void {
    if (isString<T>()) {
      const bytes = String.UTF8.encode(changetype<string>(data));
      write_body(this.kind, changetype<usize>(bytes), <u32>bytes.byteLength);
    } else if (data instanceof ArrayBuffer) {
      const bytes = changetype<ArrayBuffer>(data);
      write_body(this.kind, changetype<usize>(bytes), <u32>bytes.byteLength);
    } else if (data instanceof Uint8Array) {
      const bytes = changetype<Uint8Array>(data);
      write_body(this.kind, bytes.dataStart, <u32>bytes.byteLength);
    } else {
      ERROR("Body.write accepts string, ArrayBuffer or Uint8Array");
    }
  }

  private readInto(ptr: usize, limit: u32): u32 {
    const eofLen = read_body(this.kind, ptr, limit);
    if (high(eofLen) != 0) this.ended = true;
    return low(eofLen);
  }
}
