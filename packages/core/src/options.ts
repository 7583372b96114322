/**
 * The options every adapter takes, the same everywhere: `daprWasm('file://./router.wasm')` or
 * `daprWasm({ url, guestConfig, logger, poolSize, ... })`.
 */
import type { Logger } from './logger.js';
import { silentLogger } from './logger.js';

/** Reads a `file:` path; the Node entry supplies one, other runtimes fall back to their own. */
export type FileReader = (path: string) => Promise<Uint8Array>;

export interface WasmMiddlewareOptions {
  /** `file://` (relative to the process cwd unless absolute, as in Dapr), `http://` or `https://`. */
  url?: string | URL;
  /** The guest's bytes. */
  bytes?: Uint8Array | ArrayBuffer;
  /** An already-compiled module: the only form Cloudflare Workers allow. */
  module?: WebAssembly.Module;
  /** Opaque configuration the guest reads with `get_config` (Dapr's `guestConfig`). @default "" */
  guestConfig?: string | Uint8Array;
  /** Receives guest `log` calls and stdout/stderr, tagged per request. @default silent */
  logger?: Logger;
  /** A name for this middleware in logs and errors (Dapr's component name). @default the URL */
  name?: string;
  /** Most guest instances alive at once: the most requests in the guest concurrently. @default 64 */
  poolSize?: number;
  /** Instances created up front, so the first requests pay no instantiation. @default 1 */
  warmInstances?: number;
  /** Most requests queued for a free instance; more are answered 503. @default 1024 */
  maxWaiting?: number;
  /** How long a queued request waits for an instance before a 503. @default 10000 */
  acquireTimeoutMs?: number;
  /** Largest request body buffered for a guest that reads bodies; larger ones get 413. @default 10 MiB */
  maxBodyBytes?: number;
  /**
   * Longest a guest may run in one call (handle_request or handle_response) before it is stopped
   * and the request answered 504. Loops and calls are metered at load time; 0 turns metering off.
   * A precompiled `module` cannot be metered (Workers enforce their own CPU limit). @default 1000
   */
  deadlineMs?: number;
  /**
   * Longest a guest's initialisation (start function, `_initialize`, `_start`) may run, once per
   * instance; a pool growing on the request path waits for it. @default 10000
   */
  initDeadlineMs?: number;
  /** Most linear memory one guest instance may grow to; beyond it `memory.grow` fails. @default 64 MiB */
  maxMemoryBytes?: number;
  /** Dapr's strictSandbox: fake clock advancing 1 ms per read, deterministic randomness, no-op sleep. @default false */
  strictSandbox?: boolean;
  /** Put the guest's error text in 500 bodies (development only; it goes to the logger always). @default false */
  exposeErrors?: boolean;
  /**
   * What a request gets when the guest fails (traps, is busy, or could not load): 'closed' answers
   * 500/503; 'open' serves the request as if the guest were not there. @default 'closed'
   */
  failurePolicy?: 'closed' | 'open';
  /** Timeout for fetching an http(s) module. @default 30000 */
  fetchTimeoutMs?: number;
  /** Largest module accepted from a URL. @default 64 MiB */
  maxModuleBytes?: number;
  /** How `file://` URLs are read; the Node entry and adapters supply one. */
  readFile?: FileReader;
}

export type GuestReference = string | URL | WasmMiddlewareOptions;

export interface ResolvedOptions {
  source: { url: URL | string } | { bytes: Uint8Array } | { module: WebAssembly.Module };
  name: string;
  guestConfig: Uint8Array;
  logger: Logger;
  loggerIsDefault: boolean;
  poolSize: number;
  warmInstances: number;
  maxWaiting: number;
  acquireTimeoutMs: number;
  maxBodyBytes: number;
  deadlineMs: number;
  initDeadlineMs: number;
  maxMemoryBytes: number;
  strictSandbox: boolean;
  exposeErrors: boolean;
  failurePolicy: 'closed' | 'open';
  fetchTimeoutMs: number;
  maxModuleBytes: number;
  readFile: FileReader | undefined;
}

function positiveInt(value: number | undefined, fallback: number, name: string, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new TypeError(`${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

function failurePolicy(p: WasmMiddlewareOptions['failurePolicy']): 'closed' | 'open' {
  if (p === undefined || p === 'closed' || p === 'open') return p ?? 'closed';
  throw new TypeError(`failurePolicy must be 'closed' or 'open', got ${JSON.stringify(p)}`);
}

/** Validates options synchronously, so a typo throws where the middleware is created. */
export function resolveOptions(ref: GuestReference, defaults: Partial<WasmMiddlewareOptions> = {}): ResolvedOptions {
  if (ref === null || (typeof ref !== 'object' && typeof ref !== 'string')) {
    throw new TypeError('daprWasm() takes a URL string, a URL, or an options object');
  }
  const o: WasmMiddlewareOptions = { ...defaults, ...(typeof ref === 'string' || ref instanceof URL ? { url: ref } : ref) };
  const given = [o.url !== undefined, o.bytes !== undefined, o.module !== undefined].filter(Boolean).length;
  if (given !== 1) throw new TypeError('daprWasm() needs exactly one guest source: url, bytes or module');

  let source: ResolvedOptions['source'];
  let name: string;
  if (o.url !== undefined) {
    source = { url: o.url };
    name = String(o.url);
  } else if (o.bytes !== undefined) {
    source = { bytes: o.bytes instanceof Uint8Array ? o.bytes : new Uint8Array(o.bytes) };
    name = 'bytes';
  } else {
    if (!(o.module instanceof WebAssembly.Module)) throw new TypeError('options.module must be a WebAssembly.Module');
    source = { module: o.module };
    name = 'module';
  }
  const config = o.guestConfig ?? '';
  const poolSize = positiveInt(o.poolSize, 64, 'poolSize');
  return {
    source,
    name: o.name ?? name,
    guestConfig: typeof config === 'string' ? new TextEncoder().encode(config) : config,
    logger: o.logger ?? silentLogger,
    loggerIsDefault: o.logger === undefined,
    poolSize,
    warmInstances: Math.min(positiveInt(o.warmInstances, 1, 'warmInstances', 0), poolSize),
    maxWaiting: positiveInt(o.maxWaiting, 1024, 'maxWaiting', 0),
    acquireTimeoutMs: positiveInt(o.acquireTimeoutMs, 10_000, 'acquireTimeoutMs'),
    maxBodyBytes: positiveInt(o.maxBodyBytes, 10 * 1024 * 1024, 'maxBodyBytes', 0),
    deadlineMs: positiveInt(o.deadlineMs, 1000, 'deadlineMs', 0),
    initDeadlineMs: positiveInt(o.initDeadlineMs, 10_000, 'initDeadlineMs'),
    maxMemoryBytes: positiveInt(o.maxMemoryBytes, 64 * 1024 * 1024, 'maxMemoryBytes', 65536),
    strictSandbox: o.strictSandbox ?? false,
    exposeErrors: o.exposeErrors ?? false,
    failurePolicy: failurePolicy(o.failurePolicy),
    fetchTimeoutMs: positiveInt(o.fetchTimeoutMs, 30_000, 'fetchTimeoutMs'),
    maxModuleBytes: positiveInt(o.maxModuleBytes, 64 * 1024 * 1024, 'maxModuleBytes'),
    readFile: o.readFile,
  };
}
