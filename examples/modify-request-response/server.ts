/** Serves the example on PORT (default 3000) until stopped. */
import { consoleLogger } from '@dapr-wasm/core';
import { listen } from '../shared/listen.js';
import { createApp } from './app.js';

const { app, wasm } = createApp({ logger: consoleLogger('info', 'modify-request-response') });
await wasm.ready; // a guest that cannot load stops the server here, not on the first request
const { url } = await listen(app, Number(process.env.PORT ?? 3000));
console.log(`Express + modify-request-response.wasm on ${url}`);
console.log(`  curl -i -H 'x-debug-token: t' ${url}/account   # no x-powered-by, no internalId, apiVersion added, secret masked`);
console.log(`  curl -H 'content-type: application/json' -d '{"password":"hunter2"}' ${url}/echo   # the app received "***"`);
console.log(`  curl ${url}/notes                              # text bodies are masked too`);
