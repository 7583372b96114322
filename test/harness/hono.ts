/**
 * Hono harness: `@dapr-wasm/hono` in front of the backend, served by a real runtime (Node, Node over
 * HTTP/2, Bun, Deno, workerd) through the launchers in test/runtimes. The app is
 * test/runtimes/fixtures/backend-app.ts; `mount` picks re-dispatching middleware or the fetch wrapper.
 */
import { fileURLToPath } from 'node:url';
import type { RuntimeName } from '../runtimes/app-contract.js';
import { launchers } from '../runtimes/launchers.js';
import { runtimeTarget } from '../runtimes/runtime-target.js';
import type { HonoMount } from '../runtimes/target-app-config.js';
import type { Target } from './types.js';

const BACKEND_APP = fileURLToPath(new URL('../runtimes/fixtures/backend-app.ts', import.meta.url));

export function honoTarget(name: string, runtime: RuntimeName, mount: HonoMount = 'middleware'): Target {
  return runtimeTarget(name, launchers[runtime], BACKEND_APP, mount);
}
