/** Serves the example on PORT (default 3000) with Express, or with Hono given `--hono`. */
import type { RequestListener } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { consoleLogger } from '@dapr-wasm/core';
import { listen } from '../shared/listen.js';
import { createApp } from './app.js';
import { createHonoApp } from './hono-app.js';

const logger = consoleLogger('info', 'header-validation');

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
console.log(`${framework} + header-validation.wasm on ${url}`);
console.log(`  curl -i ${url}/orders                                                  # 400: no x-request-id`);
console.log(`  curl -i -H 'x-request-id: 1' ${url}/orders                             # 401: no API key`);
console.log(`  curl -i -H 'x-request-id: 1' -H 'x-api-key: ck_demo_7Gq2' ${url}/orders  # 200, client "checkout"`);
console.log(`  curl -i ${url}/health                                                  # exempt from the checks`);
