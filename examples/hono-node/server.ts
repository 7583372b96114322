/** Serves the example app on PORT (default 3000; 0 picks a free one) until stopped. */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from './app.js';

const { app, wasm } = createApp();
// A guest that cannot load stops the server from starting, not the first request.
await wasm.ready;
serve({ fetch: app.fetch, hostname: '127.0.0.1', port: Number(process.env.PORT ?? 3000) }, ({ port }: AddressInfo) => {
  console.log(`Hono + rewrite.wasm on http://127.0.0.1:${port}`);
  console.log(`  curl -i 'http://127.0.0.1:${port}/anything?x=1'   # rewritten to /rewritten by the guest`);
});
