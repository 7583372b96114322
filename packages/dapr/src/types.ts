import type { ResourceLogger, ResourceWarning } from './diagnostics.js';
import type { SecretResolver } from './secret-resolver.js';

/** Dapr's `initTimeout` when a Component sets none. */
export const DAPR_DEFAULT_INIT_TIMEOUT_MS = 5000;

/** One `middleware.http.wasm` Component, validated and resolved. */
export interface WasmComponent {
  /** `metadata.name`. */
  readonly name: string;
  /** Where the guest comes from: an absolute `file:` URL, or an `http:`/`https:` URL. */
  readonly url: string;
  /** The opaque text the guest reads with `get_config`; "" when unset. A YAML map arrives as its JSON text. */
  readonly guestConfig: string;
  /** Deterministic randomness and a fake clock; forced on by the Configuration's `spec.wasm.strictSandbox`. */
  readonly strictSandbox: boolean;
  /**
   * The module's pinned sha256 (lower-case hex), from the `sha256` metadata field; a module with
   * another digest is refused. `undefined` when unpinned.
   */
  readonly sha256: string | undefined;
  /**
   * `spec.ignoreErrors`: if the guest fails to load, compile or start, the middleware is skipped with
   * a warning instead of failing startup. (Failures while reading the YAML are already handled so.)
   */
  readonly ignoreErrors: boolean;
  /** `spec.initTimeout` in milliseconds; `undefined` when unset (Dapr then uses DAPR_DEFAULT_INIT_TIMEOUT_MS). */
  readonly initTimeoutMs: number | undefined;
  /** Where the Component is defined. */
  readonly source: { readonly file: string; readonly line: number };
}

/**
 * A chain of middleware, in the order the Configuration lists its handlers. The first runs first on
 * the request and last on the response: `[a, b]` wraps the app as `a(b(app))`.
 */
export type WasmPipeline = readonly WasmComponent[];

/** Why a resource was read but not turned into a WasmComponent. */
export type SkipReason =
  /** A Dapr kind other than Component (Subscription, Resiliency, Configuration, ...). */
  | 'other-kind'
  /** A Component of another type, such as `state.redis`: it belongs to another Dapr building block. */
  | 'other-type'
  /** `scopes` does not list the app id. */
  | 'out-of-scope'
  /** `metadata.namespace` differs from the namespace given. */
  | 'other-namespace'
  /** Loading failed and `spec.ignoreErrors` is true. */
  | 'failed';

export interface SkippedResource {
  readonly kind: string;
  readonly name: string | undefined;
  readonly type: string | undefined;
  readonly file: string;
  readonly line: number;
  readonly reason: SkipReason;
  /** Human-readable detail, such as the error for `failed`. */
  readonly detail: string;
}

/** What to do with a pipeline handler that names no loaded Component. */
export type MissingHandlerPolicy = 'error' | 'warn';

export interface LoadResourcesOptions {
  /** Resources folders (read non-recursively, `.yaml`/`.yml` only) or single files, as for `daprd --resources-path`. */
  resources: string | readonly string[];
  /** Configuration file(s), as for `daprd --config`. Later files override the fields they set. */
  config?: string | readonly string[];
  /** Matched against Component `scopes`; fills `{appID}` and `{namespace}`. */
  appId?: string;
  /** Components whose `metadata.namespace` differs are skipped; fills `{namespace}`. Dapr reads it from NAMESPACE. */
  namespace?: string;
  /** Fills `{podName}`; a value using `{podName}` without it is an error. */
  podName?: string;
  /** Resolves `secretKeyRef`. Default: environment variables, like Dapr's `secretstores.local.env`. */
  secrets?: SecretResolver;
  /**
   * A handler naming no loaded Component: `'error'` fails, `'warn'` skips it with a warning (Dapr
   * skips it silently).
   * @default 'error'
   */
  missingHandlers?: MissingHandlerPolicy;
  /**
   * A handler of another middleware type (`middleware.http.ratelimit`, ...), which cannot run
   * inline: `'error'` fails, `'warn'` leaves it out of the pipeline with a warning. It fails by
   * default because a silently dropped middleware may be one the app relies on, such as auth.
   * @default 'error'
   */
  nonWasmHandlers?: MissingHandlerPolicy;
  /** Base for relative `file://` URLs and the legacy `path`. Dapr uses its working directory. @default process.cwd() */
  cwd?: string;
  /** Environment for `envRef`, Configuration `$VAR` expansion and the default secret store. @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
  /** @default warnings to the console */
  logger?: ResourceLogger;
}

export interface DaprResources {
  /** Every wasm Component loaded, in file order. */
  readonly components: readonly WasmComponent[];
  /** `spec.httpPipeline`: calls arriving through Dapr's API. */
  readonly httpPipeline: WasmPipeline;
  /** `spec.appHttpPipeline`: calls going into the app. */
  readonly appHttpPipeline: WasmPipeline;
  /** Resources read but not loaded, and why. */
  readonly skipped: readonly SkippedResource[];
  /** Everything worked around, also sent to the logger. */
  readonly warnings: readonly ResourceWarning[];
  /** The Configuration used, if one was given. */
  readonly configuration: { readonly name: string | undefined; readonly files: readonly string[] } | undefined;
}
