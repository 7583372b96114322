/**
 * What every harness provides. A Target boots one framework (or runtime) with the wasm middleware
 * in front of a backend and hands back a URL; shared suites (test/tck, and others) are written once
 * against this interface and run against every target.
 */
import type { PoolStats } from '@dapr-wasm/core';
import type { BackendName } from './backends.js';

/** A compiled guest on disk (built next to its source by scripts/build-guests.mjs). */
export interface GuestRef {
  /** Absolute path of the `.wasm` file. */
  readonly path: string;
}

export interface StartOptions {
  /** The opaque string or bytes the guest reads with get_config. */
  readonly guestConfig?: string | Uint8Array;
  /** Adapter options beside the guest's location (poolSize, logger, ...), passed as they are. */
  readonly adapterOptions?: Readonly<Record<string, unknown>>;
}

export interface AppUnderTest {
  /** Base URL on IPv4 loopback, e.g. `http://127.0.0.1:41234`, without a trailing slash. */
  readonly url: string;
  /** Stops the server, drops open connections and releases the middleware's guests. */
  close(): Promise<void>;
  /**
   * The middleware's pool counters, where the app runs in the test process. Absent where it runs in
   * another runtime (capabilities.ts: `poolStats`), so suites check counters only where present.
   */
  stats?(): PoolStats;
}

export interface Target {
  /** Shown in test names, e.g. "express5". */
  readonly name: string;
  /** Resolves once the app answers requests; a guest that fails to load rejects here. */
  start(guest: GuestRef, backend: BackendName, options?: StartOptions): Promise<AppUnderTest>;
}
