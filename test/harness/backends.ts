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
  /**
   * The request body as the app read it, latin1 (one char per byte). Present only for backends
   * that read bodies `'raw'` (see `backendBodyReading`); the others never touch the body.
   */
  readonly body?: string;
  /** The body as the framework's own JSON parser left it; only for backends reading `'json'`. */
  readonly json?: unknown;
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
  /**
   * Absent: the body goes out in one write. Otherwise the body is these pieces, written one at a
   * time a few milliseconds apart (so chunked, and `body` is ignored).
   */
  readonly chunks?: readonly string[];
  /** Response trailer field lines, sent after the body (so chunked, announced in `Trailer`). */
  readonly trailers?: readonly HeaderLine[];
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

/** Every value of request header `name` (case-insensitive), one per field line. */
function valuesOf(request: BackendRequest, name: string): string[] {
  return request.headerLines.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
}

/**
 * Splits `name: value` script lines into header lines. Script headers may be numbered
 * (`x-backend-header-1`, `x-backend-header-2`): runtimes that join repeated request lines with ", "
 * then still hand the backend one script line per header line.
 */
function scriptedLines(request: BackendRequest, name: string): HeaderLine[] {
  const lines = request.headerLines.filter(([n]) => {
    const key = n.toLowerCase();
    return key === name || (key.startsWith(`${name}-`) && /^\d+$/.test(key.slice(name.length + 1)));
  });
  return lines.map(([, line]) => {
    const colon = line.indexOf(':');
    return [line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as const;
  });
}

/**
 * Echoes everything it saw, body included, as a JSON body `{ method, uri, headerLines, body }`.
 * Request headers script the rest of its answer, so a test shapes the downstream response without
 * a backend of its own:
 * - `x-backend-status: 201` sets the status;
 * - `x-backend-header: name: value` adds a response header line (one per field line, or numbered
 *   `x-backend-header-1`, `-2`, ...);
 * - `x-backend-delay-ms: 100` answers that late;
 * - `x-backend-chunks: 3` writes the body in 3 pieces;
 * - `x-backend-trailer: name: value` adds a response trailer line;
 * - `x-backend-throw: message` makes the handler throw instead, as a broken route does, so the
 *   framework's own error handling answers.
 */
function echo(request: BackendRequest): BackendReply {
  const thrown = valuesOf(request, 'x-backend-throw')[0];
  if (thrown !== undefined) throw new Error(thrown);
  const body = JSON.stringify({ method: request.method, uri: request.uri, headerLines: request.headerLines, body: request.body ?? '' });
  const status = valuesOf(request, 'x-backend-status')[0];
  const delay = valuesOf(request, 'x-backend-delay-ms')[0];
  const pieces = Number(valuesOf(request, 'x-backend-chunks')[0] ?? 0);
  const trailers = scriptedLines(request, 'x-backend-trailer');
  const size = Math.ceil(body.length / Math.max(1, pieces));
  return {
    headers: [['content-type', 'application/json'], ...scriptedLines(request, 'x-backend-header')],
    body,
    ...(status === undefined ? {} : { status: Number(status) }),
    ...(delay === undefined ? {} : { delayMs: Number(delay) }),
    ...(pieces > 0 ? { chunks: Array.from({ length: pieces }, (_, i) => body.slice(i * size, (i + 1) * size)) } : {}),
    ...(trailers.length ? { trailers } : {}),
  };
}

/**
 * Behind the framework's own JSON body parser: answers `{ json, contentLength }`, what the parser
 * made of the body and the Content-Length it was given.
 */
function json(request: BackendRequest): BackendReply {
  const contentLength = valuesOf(request, 'content-length')[0] ?? null;
  return { headers: [['content-type', 'application/json']], body: JSON.stringify({ json: request.json ?? null, contentLength }) };
}

export const backends = { tck, 'tck-delayed': tckDelayed, silent, echo, json } satisfies Record<string, Backend>;

export type BackendName = keyof typeof backends;

/**
 * How the app reads the request body before a backend runs; backends not listed never read it.
 * - `'raw'`: every byte, into BackendRequest.body;
 * - `'json'`: the framework's own JSON parser (`express.json()`, `@koa/bodyparser`), mounted after
 *   the wasm middleware, into BackendRequest.json.
 */
export type BodyReading = 'raw' | 'json';

export const backendBodyReading: Partial<Record<BackendName, BodyReading>> = { echo: 'raw', json: 'json' };
