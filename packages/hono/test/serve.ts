/**
 * Boots the test fixtures on a runtime through the repository's launchers (test/runtimes), so the
 * same request reaches the real adapter on Node, Bun, Deno and workerd.
 */
import { fileURLToPath } from 'node:url';
import type { RunningApp, RuntimeName } from '../../../test/runtimes/app-contract.js';
import { launchers } from '../../../test/runtimes/launchers.js';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export const CASES_APP = here('./fixtures/cases-app.ts');
export const SOURCES_APP = here('./fixtures/guest-sources-app.ts');
/** Built from test/runtimes/fixtures/adapter-cases.wat by scripts/build-guests.mjs. */
export const CASES_GUEST = here('../../../test/runtimes/fixtures/adapter-cases.wasm');

/** The runtimes every adapter test runs on, each with its own server (HTTP/2 is the TCK's). */
export const RUNTIMES = ['node', 'bun', 'deno', 'workerd'] as const satisfies readonly RuntimeName[];

export function serve(runtime: RuntimeName, appEntry: string, config: unknown): Promise<RunningApp> {
  return launchers[runtime].start(appEntry, { guests: { cases: CASES_GUEST }, config });
}
