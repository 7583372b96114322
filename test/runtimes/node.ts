/**
 * Node: the app runs inside the test process on @hono/node-server. In-process is the fastest start
 * (no second runtime to boot), and vitest's own loader resolves the workspace's TypeScript sources.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveSpec, type RunningApp, type StartOptions } from './app-contract.js';
import { buildApp } from './entries/build-app.js';
import { closeServer, listening } from './node-server-lifecycle.js';

export async function start(appEntry: string, options: StartOptions = {}): Promise<RunningApp> {
  const spec = serveSpec(appEntry, options);
  const app = await buildApp(spec, 'node', getConnInfo);
  const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 });
  const { port } = (await listening(server, options.startupTimeoutMs)) as AddressInfo;
  return {
    runtime: 'node',
    url: `http://127.0.0.1:${port}`,
    ...(app.stats ? { stats: () => app.stats!() } : {}),
    close: async () => {
      await closeServer(server);
      await app.close?.();
    },
  };
}
