/**
 * The WASI preview1 functions that guest toolchains import (TinyGo, Rust, AssemblyScript, C), with
 * no filesystem, no network, no arguments and no environment. stdout/stderr go to the logger a line
 * at a time (see LineBuffer). Sleeping is a no-op: a guest cannot block the event loop. Any function not listed here
 * still links, and answers ENOSYS.
 */
import { ProcExit } from '../errors.js';
import type { GuestMemory } from '../wasm/guest-memory.js';

export const WASI_MODULE = 'wasi_snapshot_preview1';

export const ERRNO_SUCCESS = 0;
export const ERRNO_BADF = 8;
export const ERRNO_INVAL = 28;
export const ERRNO_NOSYS = 52;
export const ERRNO_SPIPE = 70;

const CLOCK_REALTIME = 0;
const FILETYPE_CHARACTER_DEVICE = 2;
const EVENTTYPE_CLOCK = 0;

/** What the WASI functions reach outside the guest. */
export interface WasiEnvironment {
  memory(): GuestMemory;
  clock: WasiClock;
  random(target: Uint8Array): void;
}

export interface WasiClock {
  /** Nanoseconds since the epoch. */
  realtime(): bigint;
  /** Nanoseconds from an arbitrary origin, never decreasing. */
  monotonic(): bigint;
}

export const systemClock: WasiClock = {
  realtime: () => BigInt(Date.now()) * 1_000_000n,
  monotonic: () => BigInt(Math.round(performance.now() * 1_000_000)),
};

/** Dapr's strictSandbox clock: starts at a fixed instant and advances 1 ms per read. */
export function fakeClock(): WasiClock {
  let now = 1_640_995_200_000_000_000n; // 2022-01-01T00:00:00Z, a fixed instant
  return {
    realtime: () => (now += 1_000_000n),
    monotonic: () => (now += 1_000_000n),
  };
}

/**
 * Random bytes from a pooled block: each getRandomValues call costs microseconds whatever its size,
 * and guests (TinyGo seeding its maps) ask for a few bytes at a time.
 */
const pool = new Uint8Array(4096);
let poolAt = pool.length;

export function systemRandom(target: Uint8Array): void {
  if (target.length > pool.length) {
    // getRandomValues refuses more than 65536 bytes per call.
    for (let i = 0; i < target.length; i += 65536) crypto.getRandomValues(target.subarray(i, i + 65536));
    return;
  }
  if (poolAt + target.length > pool.length) {
    crypto.getRandomValues(pool);
    poolAt = 0;
  }
  target.set(pool.subarray(poolAt, poolAt + target.length));
  // Bytes handed out are never handed out again.
  pool.fill(0, poolAt, poolAt + target.length);
  poolAt += target.length;
}

/** Deterministic randomness for strictSandbox: a fixed-seed xorshift stream. */
export function deterministicRandom(seed = 0x2545f491): (target: Uint8Array) => void {
  let x = seed >>> 0 || 1;
  return (target) => {
    for (let i = 0; i < target.length; i++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      target[i] = x & 0xff;
    }
  };
}

/** Splits guest writes into lines per fd; a partial line waits for its newline or a flush. */
export class LineBuffer {
  private pending = new Map<1 | 2, string>();
  private readonly decoder = new TextDecoder();
  /** Flushing runs after every request; most requests write nothing, so keep that path free. */
  private dirty = false;
  constructor(private readonly emit: (fd: 1 | 2, line: string) => void) {}

  write(fd: 1 | 2, bytes: Uint8Array): void {
    this.dirty = true;
    const text = (this.pending.get(fd) ?? '') + this.decoder.decode(bytes);
    const lines = text.split('\n');
    this.pending.set(fd, lines.pop()!);
    for (const line of lines) this.emit(fd, line);
  }

  flush(): void {
    if (!this.dirty) return;
    this.dirty = false;
    for (const [fd, rest] of this.pending) if (rest) this.emit(fd, rest);
    this.pending.clear();
  }
}

type WasiFunction = (...args: never[]) => number | void;

export function createWasiImports(env: WasiEnvironment, stdio: LineBuffer): Record<string, WasiFunction> {
  const mem = () => env.memory();
  return {
    args_sizes_get(argc: number, argvBufSize: number) {
      mem().setU32(argc, 0, 'argc');
      mem().setU32(argvBufSize, 0, 'argv_buf_size');
      return ERRNO_SUCCESS;
    },
    args_get() {
      return ERRNO_SUCCESS;
    },
    environ_sizes_get(count: number, bufSize: number) {
      mem().setU32(count, 0, 'environ count');
      mem().setU32(bufSize, 0, 'environ_buf_size');
      return ERRNO_SUCCESS;
    },
    environ_get() {
      return ERRNO_SUCCESS;
    },
    clock_res_get(_id: number, out: number) {
      mem().setU64(out, 1000n, 'clock resolution');
      return ERRNO_SUCCESS;
    },
    clock_time_get(id: number, _precision: bigint, out: number) {
      mem().setU64(out, id === CLOCK_REALTIME ? env.clock.realtime() : env.clock.monotonic(), 'clock time');
      return ERRNO_SUCCESS;
    },
    random_get(buf: number, len: number) {
      env.random(mem().bytes(buf, len, 'random_get buffer'));
      return ERRNO_SUCCESS;
    },
    fd_write(fd: number, iovs: number, iovsLen: number, nwritten: number) {
      if (fd !== 1 && fd !== 2) return ERRNO_BADF;
      const m = mem();
      let total = 0;
      for (let i = 0; i < iovsLen >>> 0; i++) {
        const ptr = m.u32(iovs + i * 8, 'iovec');
        const len = m.u32(iovs + i * 8 + 4, 'iovec');
        stdio.write(fd, m.bytes(ptr, len, 'fd_write data'));
        total += len;
      }
      m.setU32(nwritten, total, 'nwritten');
      return ERRNO_SUCCESS;
    },
    fd_read(fd: number, _iovs: number, _iovsLen: number, nread: number) {
      if (fd !== 0) return ERRNO_BADF;
      mem().setU32(nread, 0, 'nread'); // stdin is always at EOF
      return ERRNO_SUCCESS;
    },
    fd_close(fd: number) {
      return fd <= 2 ? ERRNO_SUCCESS : ERRNO_BADF;
    },
    fd_seek(fd: number) {
      return fd <= 2 ? ERRNO_SPIPE : ERRNO_BADF;
    },
    fd_fdstat_get(fd: number, out: number) {
      if (fd > 2) return ERRNO_BADF;
      const m = mem();
      m.fill(out, 24, 0, 'fdstat');
      m.setU8(out, FILETYPE_CHARACTER_DEVICE, 'fdstat');
      // rights_base: fd_read (bit 1) for stdin, fd_write (bit 6) for stdout/stderr.
      m.setU64(out + 8, fd === 0 ? 2n : 64n, 'fdstat');
      return ERRNO_SUCCESS;
    },
    fd_prestat_get() {
      return ERRNO_BADF; // no preopened directories: toolchains stop scanning at the first EBADF
    },
    fd_prestat_dir_name() {
      return ERRNO_BADF;
    },
    poll_oneoff(inPtr: number, outPtr: number, nsubscriptions: number, nevents: number) {
      // Every subscription fires at once: clocks are sleeps, and a guest must not block the host.
      const m = mem();
      const n = nsubscriptions >>> 0;
      m.check(inPtr, n * 48, 'poll_oneoff subscriptions');
      m.check(outPtr, n * 32, 'poll_oneoff events');
      for (let i = 0; i < n; i++) {
        const sub = m.bytes(inPtr + i * 48, 48, 'subscription');
        const tag = sub[8];
        const event = outPtr + i * 32;
        m.fill(event, 32, 0, 'event');
        m.write(event, sub.slice(0, 8), 'event userdata');
        m.setU16(event + 8, tag === EVENTTYPE_CLOCK ? ERRNO_SUCCESS : ERRNO_BADF, 'event error');
        m.setU8(event + 10, tag, 'event type');
      }
      m.setU32(nevents, n, 'nevents');
      return ERRNO_SUCCESS;
    },
    sched_yield() {
      return ERRNO_SUCCESS;
    },
    proc_exit(code: number) {
      throw new ProcExit(code >>> 0);
    },
    proc_raise() {
      return ERRNO_NOSYS;
    },
  };
}

/** Anything else a guest imports from WASI links to this, and fails politely. */
export function wasiUnsupported(): number {
  return ERRNO_NOSYS;
}
