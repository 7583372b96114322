/**
 * Bun entry: `bun bun-serve.ts '<ServeSpec JSON>'`. Bun.serve passes the server as fetch's second
 * argument; handing it to Hono as env is what `hono/bun`'s getConnInfo reads (server.requestIP).
 * With `server: 'node-http'` the app is served by @hono/node-server on Bun's node:http instead.
 */
import { getConnInfo as bunConnInfo } from 'hono/bun';
import { getConnInfo as nodeConnInfo } from '@hono/node-server/conninfo';
import type { ServeSpec } from '../app-contract.js';
import { buildApp } from './build-app.js';
import { exitWithLauncher } from './exit-with-launcher.js';
import { announceListening } from './listening.js';
import { serveWithNodeHttp } from './node-http-serve.js';

interface BunServer {
  port: number;
}
interface BunGlobal {
  serve(options: { hostname: string; port: number; fetch(req: Request, server: BunServer): Response | Promise<Response> }): BunServer;
}

exitWithLauncher();
const spec = JSON.parse(process.argv[2]!) as ServeSpec;
if (spec.server === 'node-http') {
  const app = await buildApp(spec, 'bun-node-http', nodeConnInfo);
  announceListening(await serveWithNodeHttp(app));
} else {
  const app = await buildApp(spec, 'bun', bunConnInfo);
  const { Bun } = globalThis as unknown as { Bun: BunGlobal };
  const server = Bun.serve({ hostname: '127.0.0.1', port: 0, fetch: (req, server) => app.fetch(req, server) });
  announceListening(server.port);
}
