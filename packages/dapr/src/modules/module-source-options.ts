import type { Dispatcher } from 'undici';

/** How guest modules are fetched, verified and kept. Every field has a production-safe default. */
export interface ModuleSourceOptions {
  /** Longest wait for a TCP (and TLS) connection to the module's origin. @default 10000 */
  connectTimeoutMs?: number;
  /** Longest wait for the response headers, and between two chunks of the body. @default 30000 */
  readTimeoutMs?: number;
  /** Largest module accepted, from a URL or a file. @default 64 MiB */
  maxModuleBytes?: number;
  /** Redirects followed before giving up. @default 5 */
  maxRedirects?: number;
  /**
   * Folder where modules fetched over http(s) are kept, keyed by URL and revalidated with ETag /
   * Last-Modified, so that a restart works while the origin is down. `false` turns it off.
   * @default `<cwd>/node_modules/.cache/dapr-wasm/modules`
   */
  cacheDir?: string | false;
  /**
   * sha256 pins by Component name, for Components whose YAML carries no `sha256` metadata. A module
   * whose digest differs is refused.
   */
  sha256?: Readonly<Record<string, string>>;
  /**
   * The undici dispatcher for downloads (a ProxyAgent, an Agent with custom TLS). When given,
   * `connectTimeoutMs` is the dispatcher's business.
   */
  dispatcher?: Dispatcher;
}

export interface ResolvedModuleSourceOptions {
  connectTimeoutMs: number;
  readTimeoutMs: number;
  maxModuleBytes: number;
  maxRedirects: number;
  cacheDir: string | undefined;
  sha256: Readonly<Record<string, string>>;
  dispatcher: Dispatcher | undefined;
}

export const DEFAULT_MODULE_CACHE_DIR = ['node_modules', '.cache', 'dapr-wasm', 'modules'] as const;

function whole(value: number | undefined, fallback: number, name: string, min: number): number {
  if (value === undefined) return fallback;
  if (!Number.isInteger(value) || value < min) throw new TypeError(`modules.${name} must be an integer >= ${min}, got ${value}`);
  return value;
}

export function resolveModuleSourceOptions(o: ModuleSourceOptions = {}, defaultCacheDir: string): ResolvedModuleSourceOptions {
  return {
    connectTimeoutMs: whole(o.connectTimeoutMs, 10_000, 'connectTimeoutMs', 1),
    readTimeoutMs: whole(o.readTimeoutMs, 30_000, 'readTimeoutMs', 1),
    maxModuleBytes: whole(o.maxModuleBytes, 64 * 1024 * 1024, 'maxModuleBytes', 8),
    maxRedirects: whole(o.maxRedirects, 5, 'maxRedirects', 0),
    cacheDir: o.cacheDir === false ? undefined : (o.cacheDir ?? defaultCacheDir),
    sha256: o.sha256 ?? {},
    dispatcher: o.dispatcher,
  };
}
