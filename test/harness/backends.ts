/**
 * Backends: the app behind the middleware, described once and framework-neutral. A backend is a
 * pure function from what the app saw to what it answers. Each harness reads a BackendRequest from
 * its framework's native request, after the wasm middleware ran, and applies the BackendReply with
 * its framework's native response calls; it adds nothing of its own (no status, no body) unless the
 * reply says so. Adding a backend is one entry in `backends`.
 */

export type HeaderLine = readonly [name: string, value: string];

/** What the app saw, as the middleware left it. */
export interface BackendRequest {
  readonly method: string;
  /** The raw request-target (path and query) the app was given, not decoded or normalised. */
  readonly uri: string;
  /**
   * Every request header field line, in order, names as the framework keeps them. A repeated
   * header is several lines, never one comma-joined value.
   */
  readonly headerLines: readonly HeaderLine[];
}

/** What the app answers. Absent fields mean the app does not touch them. */
export interface BackendReply {
  /** Absent: the app sets no status, so the framework's default applies. */
  readonly status?: number;
  /** Response header field lines to add, in order; a repeated name is several lines. */
  readonly headers: readonly HeaderLine[];
  /** Absent: the app writes no body. */
  readonly body?: string;
  /**
   * Absent: the app answers at once. Otherwise it answers after this many milliseconds, the way an
   * app awaiting a database would; requests then overlap inside the middleware.
   */
  readonly delayMs?: number;
}

export type Backend = (request: BackendRequest) => BackendReply;

/**
 * The reference TCK backend (http-wasm-host-go `tck/backend.go`): echoes what the app saw as
 * response headers and writes neither a status nor a body.
 */
function tck(request: BackendRequest): BackendReply {
  const headers: HeaderLine[] = [
    ['x-httpwasm-next-method', request.method],
    ['x-httpwasm-next-uri', request.uri],
  ];
  // Lines are numbered per name, case-insensitively, in the order received.
  const seen = new Map<string, number>();
  for (const [name, value] of request.headerLines) {
    const key = name.toLowerCase();
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    headers.push([`x-httpwasm-next-header-${key}-${index}`, value]);
  }
  return { headers };
}

/** The TCK backend answering 25 ms late, so concurrent TCK requests hold guest instances at once. */
function tckDelayed(request: BackendRequest): BackendReply {
  return { ...tck(request), delayMs: 25 };
}

/**
 * Answers nothing at all: no echo, status or body. As a TCK backend it must make exactly the cases
 * that rely on the echo fail, which shows the runner does check what the backend saw.
 */
function silent(): BackendReply {
  return { headers: [] };
}

export const backends = { tck, 'tck-delayed': tckDelayed, silent } satisfies Record<string, Backend>;

export type BackendName = keyof typeof backends;
