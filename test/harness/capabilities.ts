/**
 * What each target cannot do the way a Node HTTP/1.1 server does, recorded once, with the reason.
 * Suites consult this and assert the documented different behaviour (test/tck/documented-differences.ts
 * for the TCK); nothing is skipped silently. A target not listed behaves as Node over HTTP/1.1.
 *
 * The Hono targets' runtime facts come from their launcher's traits (test/runtimes/launchers.ts,
 * proven by test/runtimes/runtimes.test.ts), so a runtime's limits are written down in one place.
 */
import type { RuntimeName } from '../runtimes/app-contract.js';
import { launchers } from '../runtimes/launchers.js';

export interface TargetCapabilities {
  /** What a client must speak to reach the target. */
  readonly wire: 'http/1.1' | 'h2';
  /**
   * Repeated request header field lines reach the guest and the app as separate values. Where
   * false, the runtime joins them with ", " before any code sees them: the guest gets one value,
   * and a backend scripted by repeated request headers sees one line.
   */
  readonly distinctRequestLines: boolean;
  /**
   * Repeated response header field lines reach the client separately. Where false (any Web
   * `Response`), lines of one name go out joined with ", " (Set-Cookie excepted).
   */
  readonly distinctResponseLines: boolean;
  /** The client's port reaches the guest. Where false, get_source_addr reports `<ip>:0`. */
  readonly clientPort: boolean;
  /** The request's HTTP version is known. Where false, get_protocol_version reports HTTP/1.1. */
  readonly httpVersion: boolean;
  /**
   * get_uri returns the request-target as the client sent it. Where false, it is rebuilt from the
   * runtime's parsed URL (see RuntimeTraits.rawTarget for what changes).
   */
  readonly rawTarget: boolean;
  /**
   * HTTP trailers can reach the guest and the client (the trailers feature bit). Undefined: not
   * recorded here (the adapter declares it).
   */
  readonly trailers?: boolean;
  /**
   * How the guest reaches the middleware. `module` (Workers: a compiled WebAssembly.Module is the
   * only form) means a start function that calls the host cannot be deferred, so such a guest
   * fails to load; `url` and `bytes` let the core defer it.
   */
  readonly guestSource: 'url' | 'module';
  /**
   * The app runs in another process, so adapter options cross as JSON only: a `logger` function or
   * bytes are refused by name (test/runtimes/spec-json.ts), and pool counters are not observable.
   */
  readonly jsonOptionsOnly: boolean;
  /**
   * The test process can read the middleware's pool counters (AppUnderTest.stats). False where the
   * app runs in another process (Bun, Deno, workerd): suites then judge a fault by the answers
   * alone (the next request is served) and cannot see instances discarded or left in use.
   */
  readonly poolStats: boolean;
  /**
   * The host enforces `deadlineMs` and `maxMemoryBytes` on the guest. Both are rewritten into the
   * guest's bytes at load, so a precompiled WebAssembly.Module (`guestSource: 'module'`, Workers)
   * runs unmetered and uncapped: a runaway loop or memory growth is the runtime's to stop, and
   * local workerd (Miniflare) stops neither; the loop holds the worker and later requests hang.
   */
  readonly guestLimits: boolean;
}

const nodeHttp1: TargetCapabilities = {
  wire: 'http/1.1',
  distinctRequestLines: true,
  distinctResponseLines: true,
  clientPort: true,
  httpVersion: true,
  rawTarget: true,
  guestSource: 'url',
  jsonOptionsOnly: false,
  poolStats: true,
  guestLimits: true,
};

/** A Hono target on `runtime`: a Web Response has no trailers and joins repeated lines. */
function hono(runtime: RuntimeName): TargetCapabilities {
  const traits = launchers[runtime].traits;
  return {
    wire: runtime === 'node-http2' ? 'h2' : 'http/1.1',
    distinctRequestLines: traits.distinctHeaderLines,
    distinctResponseLines: false,
    clientPort: traits.clientPort,
    httpVersion: traits.httpVersion,
    rawTarget: traits.rawTarget,
    trailers: false,
    guestSource: runtime === 'workerd' ? 'module' : 'url',
    jsonOptionsOnly: !runtime.startsWith('node'),
    // The node launchers run the app in the test process and pass its stats() on.
    poolStats: runtime.startsWith('node'),
    guestLimits: runtime !== 'workerd',
  };
}

const byTarget: Readonly<Record<string, TargetCapabilities>> = {
  'hono-node': hono('node'),
  'hono-node-fetch': hono('node'),
  'hono-node-h2': hono('node-http2'),
  'hono-bun': hono('bun'),
  'hono-bun-node-http': hono('bun-node-http'),
  'hono-deno': hono('deno'),
  'hono-deno-node-http': hono('deno-node-http'),
  'hono-workerd': hono('workerd'),
};

export function capabilitiesOf(targetName: string): TargetCapabilities {
  return byTarget[targetName] ?? nodeHttp1;
}
