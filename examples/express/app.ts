/**
 * An ordinary Express app with one line added: the router guest in front of its routes.
 */
import express, { type Express } from 'express';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';

export function createApp(): { app: Express; wasm: DaprWasmHandler } {
  const app = express();
  const wasm = daprWasm(new URL('./guests/router.wasm', import.meta.url));
  app.use(wasm);
  app.get('/hi', (req, res) => {
    res.json({ greeting: `hi ${req.query.name ?? 'there'}`, url: req.url, originalUrl: req.originalUrl });
  });
  app.get('/', (_req, res) => {
    res.send('the app itself\n');
  });
  return { app, wasm };
}
