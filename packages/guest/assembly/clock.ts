// Clocks, from WASI rather than http_handler: the handler ABI has no clock, and every host that
// runs http-wasm guests also links `wasi_snapshot_preview1` (Dapr's wazero host does, for TinyGo
// guests; so does dapr-wasm). A guest that never calls these keeps importing only http_handler,
// because AssemblyScript emits an import only for functions that are used.
//
// Under Dapr's strictSandbox (and dapr-wasm's `strictSandbox: true`) the host clock is fake and
// advances 1 ms per read, so durations measure reads, not time.

// @ts-ignore: decorator
@external("wasi_snapshot_preview1", "clock_time_get")
declare function clock_time_get(id: u32, precision: u64, timestamp: usize): u32;

const CLOCK_REALTIME: u32 = 0;
const CLOCK_MONOTONIC: u32 = 1;
const ERRNO_SUCCESS: u32 = 0;

const timestamp = memory.data(8);

function read(id: u32): u64 {
  return clock_time_get(id, 1, timestamp) == ERRNO_SUCCESS ? load<u64>(timestamp) : 0;
}

export namespace clock {
  /** Nanoseconds from an arbitrary start: only differences mean anything. 0 if the host has no clock. */
  export function monotonicNanos(): u64 {
    return read(CLOCK_MONOTONIC);
  }

  /** Nanoseconds since the Unix epoch. 0 if the host has no clock. */
  export function realtimeNanos(): u64 {
    return read(CLOCK_REALTIME);
  }

  /** A duration as milliseconds with three decimals ("12.345"), without floating-point formatting. */
  export function formatMillis(nanos: u64): string {
    const micros = nanos / 1000;
    return (micros / 1000).toString() + "." + (micros % 1000).toString().padStart(3, "0");
  }
}
