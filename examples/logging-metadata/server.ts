/** Serves the example on PORT (default 3000) with Express, or with Koa given `--koa`. */
import type { RequestListener } from 'node:http';
import { listen } from '../shared/listen.js';
import { consoleAppLogger } from './app-logger.js';
import { createApp } from './app.js';
import { createKoaApp } from './koa-app.js';

const options = { log: consoleAppLogger };

async function start(): Promise<{ framework: string; listener: RequestListener }> {
  if (process.argv.includes('--koa')) {
    const { app, wasm } = createKoaApp(options);
    await wasm.ready; // a guest that cannot load stops the server here, not on the first request
    return { framework: 'Koa', listener: app.callback() };
  }
  const { app, wasm } = createApp(options);
  await wasm.ready;
  return { framework: 'Express', listener: app };
}

const { framework, listener } = await start();
const { url } = await listen(listener, Number(process.env.PORT ?? 3000));
console.log(`${framework} + logging-metadata.wasm on ${url}; the guest's lines appear below`);
console.log(`  curl -H 'x-request-id: r-1' ${url}/orders   # --> GET /orders ... then <-- GET /orders 200 0.4ms`);
console.log(`  curl ${url}/report                          # takes 300 ms: logged as slow, at warn`);
