/** Serves the example app on PORT (default 3000) until stopped. */
import { createApp } from './app.js';

const { app, wasm } = createApp();
await wasm.ready;
const port = Number(process.env.PORT ?? 3000);
app.listen(port, '127.0.0.1', () => {
  console.log(`Express + router.wasm on http://127.0.0.1:${port}`);
  console.log(`  curl 'http://127.0.0.1:${port}/host/hi?name=panda'   # rewritten to /hi by the guest`);
  console.log(`  curl 'http://127.0.0.1:${port}/anything'             # answered by the guest`);
});
