/** Serves the example app on PORT (default 3000) until stopped. */
import { createApp } from './app.js';

const { app, wasm } = createApp();
// A guest that cannot load stops the server here, not on the first request.
await wasm.ready;
const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => {
  console.log(`Koa + rewrite.wasm on http://127.0.0.1:${port}`);
  console.log(`  curl -i 'http://127.0.0.1:${port}/anything?x=1'   # answered by the /rewritten route, with x-wasm: 1`);
});
