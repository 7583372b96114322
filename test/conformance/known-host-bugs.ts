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
  'trailers/downstream-kept': koaAnnouncedTrailers,
  'trailers/read-downstream': koaAnnouncedTrailers,
};

export function knownHostBug(caseId: string, targetName: string): KnownHostBug | undefined {
  const entry = knownHostBugs[caseId];
  if (!entry) return undefined;
  return !entry.targets || entry.targets.includes(targetName) ? entry : undefined;
}
