/** Serves the example on PORT (default 3000) with Express, or with Hono given `--hono`. */
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { consoleLogger } from '@dapr-wasm/core';
import { listen } from '../shared/listen.js';
import { createApp } from './app.js';
import { createHonoApp } from './hono-app.js';

const logger = consoleLogger('info', 'ab-routing');

async function start(): Promise<{ framework: string; listener: RequestListener }> {
  if (process.argv.includes('--hono')) {
    const { app, wasm } = createHonoApp({ logger });
    await wasm.ready; // a guest that cannot load stops the server here, not on the first request
    return { framework: 'Hono', listener: getRequestListener(app.fetch) };
  }
  const { app, wasm } = createApp({ logger });
  await wasm.ready;
  return { framework: 'Express', listener: app };
}

const { framework, listener } = await start();
const { url } = await listen(listener, Number(process.env.PORT ?? 3000));
console.log(`${framework} + ab-routing.wasm on ${url}`);
console.log(`  curl -i -H 'x-user-id: alice' ${url}/v1/products   # the same user always gets the same version`);
console.log(`  curl -i -H 'x-cohort: v2' ${url}/v1/products        # an explicit cohort wins: v2`);
console.log(`  curl -i --cookie 'cohort=b' ${url}/v1/products       # ... from a cookie too`);
console.log(`  for u in $(seq 1 20); do curl -s -H "x-user-id: user-$u" ${url}/v1/products; echo; done   # about a quarter on v2`);
