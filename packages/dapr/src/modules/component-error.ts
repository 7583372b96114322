/**
 * Every failure to bring a Component's guest to life (fetch, read, verify, compile, start) is a
 * DaprComponentError: a stable `code` for programs, and a message that names the Component and the
 * URL, so an operator knows which YAML entry to look at.
 */
export const COMPONENT_ERROR_CODES = {
  /** The origin answered 404 or 410, or the file does not exist. */
  NOT_FOUND: 'DAPR_WASM_MODULE_NOT_FOUND',
  /** The origin answered another status that is not 200 (or 304 to a revalidation). */
  HTTP_STATUS: 'DAPR_WASM_MODULE_HTTP_STATUS',
  /** Connecting, waiting for the response headers, or waiting between body chunks took too long. */
  TIMEOUT: 'DAPR_WASM_MODULE_TIMEOUT',
  /** The connection failed: refused, reset, unknown host, TLS. */
  CONNECT: 'DAPR_WASM_MODULE_CONNECT',
  /** The module is larger than `maxModuleBytes`. */
  TOO_LARGE: 'DAPR_WASM_MODULE_TOO_LARGE',
  /** Too many redirects, a redirect loop, a redirect without Location, or from https to http. */
  REDIRECT: 'DAPR_WASM_MODULE_REDIRECT',
  /** The module's sha256 differs from the pinned one. */
  DIGEST: 'DAPR_WASM_MODULE_DIGEST',
  /** The bytes are not a WebAssembly binary (an HTML error page, a text file, a truncated write). */
  NOT_WASM: 'DAPR_WASM_MODULE_NOT_WASM',
  /** A `file://` module could not be read for a reason other than not existing. */
  READ: 'DAPR_WASM_MODULE_READ',
  /** The module was fetched but did not compile, link or start; `cause` is the core's error. */
  START: 'DAPR_WASM_COMPONENT_START',
  /** Loading and starting took longer than the Component's `initTimeout`. */
  INIT_TIMEOUT: 'DAPR_WASM_COMPONENT_INIT_TIMEOUT',
} as const;

export type ComponentErrorCode = (typeof COMPONENT_ERROR_CODES)[keyof typeof COMPONENT_ERROR_CODES];

export interface ComponentErrorOptions {
  component: string;
  url: string;
  /** The HTTP status the origin answered, for NOT_FOUND and HTTP_STATUS. */
  status?: number;
  cause?: unknown;
}

export class DaprComponentError extends Error {
  override name = 'DaprComponentError';
  readonly code: ComponentErrorCode;
  /** The Component's `metadata.name`. */
  readonly component: string;
  /** The module URL the Component names. */
  readonly url: string;
  /** The HTTP status the origin answered, when it answered one. */
  readonly status: number | undefined;

  constructor(code: ComponentErrorCode, detail: string, options: ComponentErrorOptions) {
    super(`component "${options.component}" (${options.url}): ${detail}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.component = options.component;
    this.url = options.url;
    this.status = options.status;
  }
}
