/**
 * workerd: bundles the app (worker-bundle.ts) and serves it with Miniflare, which runs the real
 * workerd binary listening on 127.0.0.1, so the node-side suite sends it real HTTP like any other
 * runtime. (@cloudflare/vitest-pool-workers would instead run the test files inside workerd,
 * which a shared node-side suite cannot do.)
 */
import { Miniflare } from 'miniflare';
import { DEFAULT_STARTUP_TIMEOUT_MS, serveSpec, type RunningApp, type StartOptions } from './app-contract.js';
import { OutputTail } from './output-tail.js';
import { bundleWorker } from './worker-bundle.js';

/** Fixed, so a workerd update cannot change behaviour under the tests; must not pass workerd's own date. */
const COMPATIBILITY_DATE = '2026-04-01';

export async function start(appEntry: string, options: StartOptions = {}): Promise<RunningApp> {
  const spec = serveSpec(appEntry, options);
  const modules = await bundleWorker(spec);
  const output = new OutputTail();
  const mf = new Miniflare({
    modules,
    compatibilityDate: COMPATIBILITY_DATE,
    host: '127.0.0.1',
    port: 0,
    // Otherwise, outside vitest (NODE_ENV !== 'test'), Miniflare fetches Cloudflare's request.cf
    // data from the internet at startup; false uses its built-in placeholder, offline.
    cf: false,
    // workerd's stdout/stderr would otherwise go straight to the test's; an uncaught error at
    // startup is only explained there ("The Workers runtime failed to start" says nothing).
    handleRuntimeStdio(stdout, stderr) {
      output.follow(stdout);
      output.follow(stderr);
    },
  });
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  try {
    const url = await Promise.race([
      mf.ready,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`did not listen within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { runtime: 'workerd', url: url.origin, close: () => mf.dispose() };
  } catch (err) {
    await mf.dispose().catch(() => {});
    throw output.explain('workerd', (err as Error).message);
  } finally {
    clearTimeout(timer);
  }
}
