/**
 * Serves the example app with Bun.serve on PORT (default 3000; 0 picks a free one). The rewrite
 * guest wraps the whole app (daprWasmFetch), so it runs before Hono routes and its rewrite picks
 * the route. Bun.serve hands fetch the server as its second argument, which is where the adapter
 * finds the client address.
 */
import { daprWasmFetch } from '@dapr-wasm/hono';
import { app } from './app.js';

// The slice of Bun's global used here (bun-types is not installed); module-scoped on purpose.
declare const Bun: {
  serve(options: { hostname: string; port: number; fetch(request: Request, server: unknown): Promise<Response> }): { port: number };
};

const fetch = daprWasmFetch(app, new URL('../../guests/examples/rewrite.wasm', import.meta.url));
// A guest that cannot load stops the server from starting, not the first request.
await fetch.ready;
const server = Bun.serve({ hostname: '127.0.0.1', port: Number(process.env.PORT ?? 3000), fetch });
console.log(`Hono on Bun + rewrite.wasm on http://127.0.0.1:${server.port}`);
console.log(`  curl -i 'http://127.0.0.1:${server.port}/anything?x=1'   # rewritten to /rewritten by the guest`);
