/**
 * Deno entry: `deno run <flags> deno-serve.ts '<ServeSpec JSON>'`. Deno.serve passes
 * `{ remoteAddr }` as the handler's second argument; handing it to Hono as env is what `hono/deno`'s
 * getConnInfo reads. With `server: 'node-http'` the app is served by @hono/node-server on Deno's
 * node:http instead.
 */
import { getConnInfo as denoConnInfo } from 'hono/deno';
import { getConnInfo as nodeConnInfo } from '@hono/node-server/conninfo';
import type { ServeSpec } from '../app-contract.js';
import { buildApp } from './build-app.js';
import { exitWithLauncher } from './exit-with-launcher.js';
import { announceListening } from './listening.js';
import { serveWithNodeHttp } from './node-http-serve.js';

interface DenoServeInfo {
  remoteAddr: { hostname: string; port: number; transport: string };
}
interface DenoGlobal {
  args: string[];
  serve(
    options: { hostname: string; port: number; onListen(addr: { port: number }): void },
    handler: (req: Request, info: DenoServeInfo) => Response | Promise<Response>,
  ): unknown;
}

const { Deno } = globalThis as unknown as { Deno: DenoGlobal };
exitWithLauncher();
const spec = JSON.parse(Deno.args[0]!) as ServeSpec;
if (spec.server === 'node-http') {
  const app = await buildApp(spec, 'deno-node-http', nodeConnInfo);
  announceListening(await serveWithNodeHttp(app));
} else {
  const app = await buildApp(spec, 'deno', denoConnInfo);
  Deno.serve(
    { hostname: '127.0.0.1', port: 0, onListen: ({ port }) => announceListening(port) },
    (req, info) => app.fetch(req, info),
  );
}
