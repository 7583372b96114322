/**
 * The contract between a runtime launcher and an app under test, so one node-side suite can send
 * real HTTP to the same app on every runtime.
 *
 * An app module's default export is an AppFactory. Guests reach it already compiled, as
 * `WebAssembly.Module`: workerd refuses to compile wasm from bytes at run time and can only import a
 * `.wasm` file as a module, so that is the one form every runtime can hand over. The launcher also
 * passes the runtime's own Hono `getConnInfo`, the way Hono's `ipRestriction(getConnInfo, ...)` takes
 * it, because only the runtime knows where the client address lives.
 */
import type { GetConnInfo } from 'hono/conninfo';
import type { PoolStats } from '@dapr-wasm/core';
import type { Dispatcher } from 'undici';

/**
 * `bun-node-http` and `deno-node-http` are Bun and Deno serving the app with @hono/node-server, on
 * their `node:http`, instead of Bun.serve / Deno.serve: that server keeps what the Web Request
 * loses (repeated header lines apart, the HTTP version, the raw request-target).
 */
export type RuntimeName = 'node' | 'node-http2' | 'bun' | 'bun-node-http' | 'deno' | 'deno-node-http' | 'workerd';

/** How a spawned runtime serves the app: its own server, or @hono/node-server on its node:http. */
export type ServerKind = 'native' | 'node-http';

export interface AppBindings {
  runtime: RuntimeName;
  /** Compiled guests, by the names given in StartOptions.guests. */
  guests: Record<string, WebAssembly.Module>;
  /**
   * The same guests' absolute file paths, where the runtime can read files (not on workerd, whose
   * guests exist only as imported modules): apps there can load guests by `file://` URL.
   */
  guestFiles: Record<string, string>;
  /** StartOptions.config as it arrived: JSON, since it crosses a process boundary. */
  config: unknown;
  getConnInfo: GetConnInfo;
}

/** What a Hono app is to its runtime: a Fetch-API handler. */
export interface FetchApp {
  fetch(request: Request, env?: unknown, executionCtx?: unknown): Response | Promise<Response>;
  /** Releases what the app holds (a guest pool); in-process launchers call it on close. */
  close?(): Promise<void>;
  /** The wasm middleware's pool counters; in-process launchers pass them on to RunningApp. */
  stats?(): PoolStats;
}

/** Async, so an adapter can compile and validate its guests before the server takes requests. */
export type AppFactory = (bindings: AppBindings) => FetchApp | Promise<FetchApp>;

export interface StartOptions {
  /** Guest name to the absolute path of its compiled `.wasm`. */
  guests?: Record<string, string>;
  /** Any JSON value; handed to the factory as `config`. */
  config?: unknown;
  /** How long the runtime may take to listen before start() fails. */
  startupTimeoutMs?: number;
}

export interface RunningApp {
  runtime: RuntimeName;
  /** Origin to send requests to, e.g. `http://127.0.0.1:41234` (no trailing slash). */
  url: string;
  /**
   * Set when the server needs a client of its own (HTTP/2): pass it to undici's `fetch` or
   * `request` as `dispatcher`. Absent means any HTTP/1.1 client will do.
   */
  dispatcher?: Dispatcher;
  /** Pool counters, where the app runs in the test process (node); spawned runtimes have none. */
  stats?(): PoolStats;
  close(): Promise<void>;
}

/** The argument a spawned runtime's entry receives (as JSON) to know what to serve. */
export interface ServeSpec {
  app: string;
  /** @default 'native' */
  server?: ServerKind;
  guests: Record<string, string>;
  config: unknown;
}

export const DEFAULT_STARTUP_TIMEOUT_MS = 15_000;

export function serveSpec(appEntry: string, options: StartOptions): ServeSpec {
  return { app: appEntry, guests: options.guests ?? {}, config: options.config ?? null };
}
