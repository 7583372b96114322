/**
 * The quick-start demo: starts the Express example with the router guest (built from
 * examples/express/guests/router.wat), sends it requests over real HTTP, and prints what the guest
 * did to each. `--serve` keeps the app running afterwards.
 */
import type { AddressInfo } from 'node:net';
import { createApp } from '../express/app.js';

interface Shown {
  request: string;
  expect: string;
}

const shows: Shown[] = [
  { request: '/host/hi?name=panda', expect: 'the guest trims /host, so the app routes the request to /hi' },
  { request: '/host/', expect: 'the guest trims /host, so the app serves its root' },
  { request: '/anything/else', expect: 'the guest answers by itself; the app never sees the request' },
];

const { app, wasm } = createApp();
await wasm.ready;
const server = app.listen(0, '127.0.0.1');
await new Promise((resolve) => server.once('listening', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
console.log(`Express + router.wasm listening on ${base}\n`);

for (const show of shows) {
  const res = await fetch(base + show.request);
  const body = (await res.text()).trim();
  console.log(`GET ${show.request}`);
  console.log(`  ${show.expect}`);
  console.log(`  -> ${res.status} ${res.headers.get('content-type') ?? ''}  ${body}\n`);
}
console.log('pool:', wasm.stats());

if (process.argv.includes('--serve')) {
  console.log(`\nserving on ${base} (Ctrl-C to stop)`);
} else {
  server.close();
  await wasm.close();
}
