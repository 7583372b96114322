/**
 * Adapter and host bugs these tests found and that are not fixed yet. A case that hits one runs as
 * `it.fails`, so it stays correct and turns red the day the bug is fixed: then delete the entry and
 * turn the case back into a plain `it`.
 */
import { it } from 'vitest';
import type { ExpressVersion } from './support/frameworks.js';

export interface KnownBug {
  /** Expected vs actual, and where the cause is. */
  readonly description: string;
  /** The Express majors it shows on. */
  readonly affects: readonly ExpressVersion[];
}

const both: ExpressVersion[] = ['express 5', 'express 4'];

export const knownBugs = {
  staleQueryOnExpress4: {
    description:
      'After a guest set_uri, Express 4 routes still see the old req.query (expected {} or {b:"2"}, got {keep:"1"}). ' +
      'Express 4 parses req.query once, in its built-in `query` middleware, before any app.use middleware runs; ' +
      'applyForwarded (core/src/node/forward.ts) only rewrites req.url. Express 5 parses req.query lazily from req.url.',
    affects: ['express 4'],
  },
  headContentLengthZeroed: {
    description:
      'With buffer_response, a HEAD response gets Content-Length: 0 instead of the length a GET would have (5). ' +
      'Express never writes a HEAD body, so the captured body is empty, and sendOutcome (core/src/node/send.ts) ' +
      'sets content-length to the body length for every status but 1xx/204/304.',
    affects: both,
  },
  writeHeadArrayAppends: {
    description:
      'res.writeHead(status, [name, value, ...]) keeps a value of `name` set earlier (got "old, new, newer"); Node ' +
      'overrides it (Node 20 sends "newer"). absorbWriteHead (core/src/node/response-capture.ts) appends every pair. ' +
      'Shows with buffer_response and with a guest body prefix (watchResponse patches writeHead too).',
    affects: both,
  },
  appTrailersDroppedWhenBuffered: {
    description:
      'With buffer_response and a guest that does not touch trailers, the app\'s trailers are dropped, its `Trailer` ' +
      'header is kept, and Node throws ERR_HTTP_TRAILER_INVALID in res.end: the client never gets a response. ' +
      'RequestState.response() (core/src/abi/http-wasm/request-state.ts) only passes trailers the guest looked at.',
    affects: both,
  },
  presetTrailersLostAfterWrite: {
    description:
      'A response trailer the guest set before next is lost when the app calls res.write() before res.end(): ' +
      'watchResponse\'s flushPrefix (core/src/node/response-capture.ts) restores the original res.end on the first ' +
      'write, so the patched end that adds the trailers never runs.',
    affects: both,
  },
  sendFailureHangs: {
    description:
      'When sending the outcome throws (here Node\'s ERR_HTTP_TRAILER_INVALID for a guest-set `Trailer` header on a ' +
      'Content-Length response), the request is never answered nor closed and the error is an unhandled rejection: ' +
      'the adapter\'s `.then((outcome) => sendOutcome(...))` (express/src/index.ts) has no catch.',
    affects: both,
  },
} satisfies Record<string, KnownBug>;

/** `it`, or `it.fails` when `bug` shows on `version`. */
export function caseFor(version: ExpressVersion, bug?: KnownBug): typeof it | typeof it.fails {
  return bug && bug.affects.includes(version) ? it.fails : it;
}
