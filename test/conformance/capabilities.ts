/**
 * What each target does differently, for the conformance suite, in one place. Runtime and wire
 * facts come from the shared table (test/harness/capabilities.ts); this adds what only conformance
 * needs, and the cases a target cannot run at all, with the reason. Cases assert the documented
 * different answer where there is one (joined field lines, port 0, HTTP/1.1 for an unknown
 * version, a start section that cannot be deferred); only what cannot be observed is skipped, and
 * the suite reports each skip under its reason.
 */
import { capabilitiesOf as harnessCapabilities, type TargetCapabilities } from '../harness/capabilities.js';

export interface ConformanceCapabilities extends TargetCapabilities {
  /**
   * Whether, without buffer_response, the app's response is on the wire before handle_response
   * runs (node:http apps end the response themselves), so a trap there can only be logged. False
   * where the framework sends after the middleware returned (Koa, Hono): the trap still becomes a
   * 500. Undefined: either is accepted.
   */
  readonly sentBeforeHandleResponse?: boolean;
  /** Case id -> why this target cannot run it. */
  readonly unsupported: Readonly<Record<string, string>>;
}

/** What conformance adds per target; the rest comes from the shared table. */
const byTarget: Readonly<Record<string, Partial<ConformanceCapabilities>>> = {
  express5: { trailers: true, sentBeforeHandleResponse: true },
  express4: { trailers: true, sentBeforeHandleResponse: true },
  // @dapr-wasm/koa declares trailers off (Koa has no API to send them), and Koa sends the response
  // only once every middleware returned.
  koa3: { trailers: false, sentBeforeHandleResponse: false },
  koa2: { trailers: false, sentBeforeHandleResponse: false },
  'hono-workerd': {
    unsupported: { 'get_uri/absolute-form': 'miniflare answers an absolute-form request-target itself (500) before the worker runs' },
  },
};

/** Cases that follow from a shared capability. */
function derivedUnsupported(caps: TargetCapabilities): Record<string, string> {
  const out: Record<string, string> = {};
  if (caps.wire === 'h2') {
    out['get_protocol_version/http1.0'] = 'the server speaks HTTP/2 only: an HTTP/1.0 request cannot reach it';
    out['get_uri/absolute-form'] = 'HTTP/2 has no absolute-form request-target (:scheme and :authority carry it)';
  }
  if (caps.jsonOptionsOnly) {
    const why = 'the app runs in another process and only JSON options cross into it: no logger to observe';
    out['log/levels'] = why;
    out['wasi/output'] = why;
  }
  return out;
}

export function capabilitiesOf(targetName: string): ConformanceCapabilities {
  const shared = harnessCapabilities(targetName);
  const own = byTarget[targetName] ?? {};
  // Hono sends the Response the middleware returns: nothing is on the wire before handle_response.
  const sentBeforeHandleResponse = own.sentBeforeHandleResponse ?? (targetName.startsWith('hono-') ? false : undefined);
  return {
    ...shared,
    ...own,
    sentBeforeHandleResponse,
    unsupported: { ...derivedUnsupported(shared), ...own.unsupported },
  };
}
