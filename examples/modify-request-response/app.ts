/**
 * An Express app that leaks a little, as real apps do: `x-powered-by`, an `internalId` field in
 * its JSON and, on /echo, whatever secret a client sent. The guest in front fixes all of it
 * without touching the routes, and shows the routes which request headers it changed.
 */
import express, { type Express } from 'express';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';
import type { Logger } from '@dapr-wasm/core';
import { modifyConfig, type ModifyConfig } from './config.js';

export const guestUrl = new URL('./guest/modify-request-response.wasm', import.meta.url);

export function createApp(options: { config?: ModifyConfig; logger?: Logger } = {}): { app: Express; wasm: DaprWasmHandler } {
  const app = express();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? modifyConfig),
    logger: options.logger,
  });
  app.use(wasm);
  app.use(express.json());
  app.use(express.text());

  app.get('/account', (req, res) => {
    res.json({
      internalId: 'db-7731',
      name: 'Ada',
      balance: 12.5,
      note: 'token sk_live_51HxExample rotated',
      // What the guest did to the request on its way in.
      forwardedBy: req.get('x-forwarded-by'),
      debugToken: req.get('x-debug-token') ?? null,
    });
  });
  // Echoes the request body: the guest masked secrets in it before the app parsed it.
  app.post('/echo', (req, res) => {
    res.json({ received: req.body });
  });
  app.get('/notes', (_req, res) => {
    res.type('text/plain').send('the admin password is hunter2\n');
  });
  // JSON as written by hand: the guest keeps number formatting and member order.
  app.get('/price', (_req, res) => {
    res.type('application/json').send('{"internalId":7,"price":1.50,"sku":"A-1","size":1e3,"label":"caf\\u00e9 \\ud83d\\ude00 \\"x\\""}');
  });
  // Binary bodies are never searched, even when their bytes happen to spell a secret.
  app.get('/download', (_req, res) => {
    res.type('application/octet-stream').send(Buffer.from('\x00hunter2\xff', 'latin1'));
  });
  return { app, wasm };
}
