/**
 * Bun: runs the app with Bun.serve in a Bun process. Bun needs no flags: it runs TypeScript,
 * resolves `./x.js` specifiers to `./x.ts`, and follows pnpm's node_modules symlinks into
 * workspace packages whose exports point at `src/*.ts`.
 */
import { join } from 'node:path';
import { serveSpec, type RunningApp, type ServerKind, type StartOptions } from './app-contract.js';
import { REPO_ROOT, bunBinary } from './runtime-binaries.js';
import { startSpawned } from './spawned-runtime.js';
import { specAsJson } from './spec-json.js';

const ENTRY = join(REPO_ROOT, 'test', 'runtimes', 'entries', 'bun-serve.ts');

export async function start(appEntry: string, options: StartOptions = {}, server: ServerKind = 'native'): Promise<RunningApp> {
  const spec = { ...serveSpec(appEntry, options), server };
  const runtime = server === 'native' ? 'bun' : 'bun-node-http';
  return startSpawned({
    runtime,
    command: bunBinary(),
    args: [ENTRY, specAsJson(runtime, spec)],
    cwd: REPO_ROOT,
    startupTimeoutMs: options.startupTimeoutMs,
  });
}
