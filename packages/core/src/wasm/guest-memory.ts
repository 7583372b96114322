/**
 * Bounds-checked access to a guest's linear memory. Any out-of-range pointer or length traps the
 * guest (HostTrap) instead of throwing a RangeError into the app. Views are rebuilt whenever the
 * memory grew, because `memory.grow` detaches the old ArrayBuffer.
 */
import { HostTrap } from '../errors.js';
import { latin1At } from './latin1.js';

const utf8 = new TextDecoder();

export class GuestMemory {
  private buffer: ArrayBuffer;
  private u8: Uint8Array;
  private view: DataView;

  constructor(readonly memory: WebAssembly.Memory) {
    this.buffer = memory.buffer;
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
  }

  private refresh(): void {
    // Growing memory detaches the old buffer, and a detached view has length 0: checking that is
    // much cheaper than reading `memory.buffer` on every access.
    if (this.u8.length === 0) this.reload();
  }

  /** Re-reads `memory.buffer` (shared memories grow without detaching, so range misses land here too). */
  private reload(): boolean {
    if (this.memory.buffer === this.buffer) return false;
    this.buffer = this.memory.buffer;
    this.u8 = new Uint8Array(this.buffer);
    this.view = new DataView(this.buffer);
    return true;
  }

  get size(): number {
    this.refresh();
    return this.u8.length;
  }

  /** Checks `[ptr, ptr+len)` lies inside memory; pointers arrive as signed i32, so re-read them unsigned. */
  check(ptr: number, len: number, what: string): void {
    this.refresh();
    const p = ptr >>> 0;
    const l = len >>> 0;
    if (p + l > this.u8.length && !(this.reload() && p + l <= this.u8.length)) {
      throw new HostTrap(`out of bounds ${what}: ${p}+${l} exceeds memory size ${this.u8.length}`);
    }
  }

  /** A view onto guest memory (not a copy): valid until the guest runs again. */
  bytes(ptr: number, len: number, what: string): Uint8Array {
    this.check(ptr, len, what);
    const p = ptr >>> 0;
    return this.u8.subarray(p, p + (len >>> 0));
  }

  utf8(ptr: number, len: number, what: string): string {
    return utf8.decode(this.bytes(ptr, len, what));
  }

  /** Byte-preserving decode: one char per byte, as HTTP field values travel. */
  latin1(ptr: number, len: number, what: string): string {
    this.check(ptr, len, what);
    return latin1At(this.u8, ptr >>> 0, len >>> 0);
  }

  write(ptr: number, data: Uint8Array, what: string): void {
    this.check(ptr, data.length, what);
    this.u8.set(data, ptr >>> 0);
  }

  /** Writes a string as latin1 (chars above 0xff are truncated to their low byte, as Node does). */
  writeLatin1(ptr: number, s: string, what: string): void {
    this.check(ptr, s.length, what);
    const u8 = this.u8;
    let at = ptr >>> 0;
    for (let i = 0; i < s.length; i++) u8[at++] = s.charCodeAt(i);
  }

  u32(ptr: number, what: string): number {
    this.check(ptr, 4, what);
    return this.view.getUint32(ptr >>> 0, true);
  }

  setU32(ptr: number, value: number, what: string): void {
    this.check(ptr, 4, what);
    this.view.setUint32(ptr >>> 0, value >>> 0, true);
  }

  setU64(ptr: number, value: bigint, what: string): void {
    this.check(ptr, 8, what);
    this.view.setBigUint64(ptr >>> 0, value, true);
  }

  setU16(ptr: number, value: number, what: string): void {
    this.check(ptr, 2, what);
    this.view.setUint16(ptr >>> 0, value, true);
  }

  setU8(ptr: number, value: number, what: string): void {
    this.check(ptr, 1, what);
    this.u8[ptr >>> 0] = value;
  }

  fill(ptr: number, len: number, value: number, what: string): void {
    this.check(ptr, len, what);
    this.u8.fill(value, ptr >>> 0, (ptr >>> 0) + (len >>> 0));
  }
}
