/**
 * Deno: runs the app with Deno.serve in a Deno process, reading npm packages from the existing
 * pnpm node_modules. The flags, and why each is there:
 *   --node-modules-dir=manual  use node_modules as pnpm laid it out; never install or modify it
 *   --sloppy-imports           resolve `./x.js` to `./x.ts`, as our TypeScript sources are written
 *   --no-lock                  do not write a deno.lock into the repository
 *   --no-prompt                a missing permission fails at once instead of waiting on stdin
 *   --allow-read=<dirs>        the app, its packages and the guest files (the repository)
 *   --allow-net=127.0.0.1      listen on loopback only
 *   --allow-env                apps and libraries read configuration from the environment; without
 *                              it Deno throws on the first `process.env` read
 */
import { join } from 'node:path';
import { serveSpec, type RunningApp, type ServerKind, type StartOptions } from './app-contract.js';
import { REPO_ROOT, denoBinary } from './runtime-binaries.js';
import { startSpawned } from './spawned-runtime.js';
import { specAsJson } from './spec-json.js';

const ENTRY = join(REPO_ROOT, 'test', 'runtimes', 'entries', 'deno-serve.ts');

export function denoRunFlags(readable: string[] = [REPO_ROOT]): string[] {
  return [
    '--node-modules-dir=manual',
    '--sloppy-imports',
    '--no-lock',
    '--no-prompt',
    `--allow-read=${readable.join(',')}`,
    '--allow-net=127.0.0.1',
    '--allow-env',
  ];
}

/** Deno's own chatter (update notices) stays out of the output a failed start reports. */
export const DENO_ENV = { DENO_NO_UPDATE_CHECK: '1' };

export async function start(appEntry: string, options: StartOptions = {}, server: ServerKind = 'native'): Promise<RunningApp> {
  const spec = { ...serveSpec(appEntry, options), server };
  const runtime = server === 'native' ? 'deno' : 'deno-node-http';
  return startSpawned({
    runtime,
    command: denoBinary(),
    args: ['run', ...denoRunFlags(), ENTRY, specAsJson(runtime, spec)],
    cwd: REPO_ROOT,
    env: DENO_ENV,
    startupTimeoutMs: options.startupTimeoutMs,
  });
}
