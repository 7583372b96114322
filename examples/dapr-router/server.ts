/** Serves the example on PORT (default 3000) with Express, or with Koa given `--koa`. */
import type { RequestListener } from 'node:http';
import { consoleLogger } from '@dapr-wasm/core';
import { listen } from '../shared/listen.js';
import { createApp } from './app.js';
import { createKoaApp } from './koa-app.js';

const logger = consoleLogger('info', 'dapr-router');

async function start(): Promise<{ framework: string; listener: RequestListener }> {
  if (process.argv.includes('--koa')) {
    const { app, wasm } = await createKoaApp({ logger });
    await wasm.ready; // a guest that cannot load stops the server here, not on the first request
    return { framework: 'Koa', listener: app.callback() };
  }
  const { app, wasm } = await createApp({ logger });
  await wasm.ready;
  return { framework: 'Express', listener: app };
}

const { framework, listener } = await start();
const { url } = await listen(listener, Number(process.env.PORT ?? 3000));
console.log(`${framework} + the Dapr pipeline in components/ and config.yaml on ${url}`);
console.log(`  curl '${url}/host/hi?name=panda'     # /host trimmed: the app's /hi answers`);
console.log(`  curl '${url}/v1.0/hi?name=panda'     # Dapr's e2e rewrite: the app's /v1.0/hello answers, name=teddy`);
console.log(`  curl '${url}/anything'               # answered by the guest: hello`);
