/**
 * Conformance cases that fail because of a bug in the host (packages/core or an adapter), not in
 * the case. Each is still run, as `it.fails`: it passes while the bug is there and turns red once
 * the host is fixed, which is the signal to delete its entry here.
 *
 * Keyed by case id; `targets` narrows an entry to the targets that have the bug (all when absent).
 * The core's own tests (packages/core/test) use the same list, with ids starting `core/`.
 */
export interface KnownHostBug {
  /** What is wrong, what the spec or reference host does, and where to fix it. */
  readonly bug: string;
  readonly targets?: readonly string[];
}

const koaAnnouncedTrailers: KnownHostBug = {
  bug:
    'Koa: a held (buffer_response) response whose app announced trailers comes out as a 500. ' +
    "packages/koa/src/outcome.ts replaceResponse copies the app's `Trailer` header back and sets ctx.length, " +
    "so Node refuses the Content-Length response (ERR_HTTP_TRAILER_INVALID in Koa's respond). " +
    'Fix: drop the `trailer` header there when no trailers are sent, as packages/core/src/node/send.ts does',
  targets: ['koa3', 'koa2'],
};

export const knownHostBugs: Readonly<Record<string, KnownHostBug>> = {
  'core/proxy-wasm-named': {
    bug:
      'a proxy-wasm filter is refused as "doesn\'t export func[handle_request]" instead of by name: ' +
      'packages/core/src/middleware.ts build() calls detectAbi only after compileCached, whose export ' +
      'checks (wasm/compile.ts describeExports) throw first, so abi.ts\'s proxy-wasm message is unreachable. ' +
      'Fix: call detectAbi on the module\'s imports/exports before describeExports (e.g. in compileGuest)',
  },
  'trailers/lines-apart': {
    bug:
      'two response trailer values of one name go out as one comma-joined line ("one, two, three" for ' +
      '"one" and "two, three"), against the ABI\'s one-value-per-field-line rule: packages/core/src/node/send.ts ' +
      '(and the preset trailers in node/response-capture.ts) call res.addTrailers(Object.fromEntries(... ' +
      'v.join(", "))). Fix: res.addTrailers(trailers.entries()), the [name, value] pairs, which Node writes as separate lines',
    targets: ['express5', 'express4'],
  },
  'trailers/before-next': {
    bug:
      'response trailers the guest sets before next are silently lost when the app ends its response with ' +
      'one end(body) call, the usual case: packages/core/src/node/response-capture.ts watchResponse adds them ' +
      'and calls end(chunk), and Node frames that body with Content-Length, which carries no trailers (the ' +
      'reference host sends them: Go drops the automatic Content-Length when trailers are pending). ' +
      'Fix: when preset trailers are owed and headers are not sent, remove content-length, announce them in ' +
      '`Trailer`, write the chunk and then end() so Node frames it chunked; add them as [name, value] pairs',
    targets: ['express5', 'express4'],
  },
  'trailers/downstream-kept': koaAnnouncedTrailers,
  'trailers/read-downstream': koaAnnouncedTrailers,
};

export function knownHostBug(caseId: string, targetName: string): KnownHostBug | undefined {
  const entry = knownHostBugs[caseId];
  if (!entry) return undefined;
  return !entry.targets || entry.targets.includes(targetName) ? entry : undefined;
}
