/**
 * An Express app behind the Dapr pipeline in ./components and ./config.yaml: the same YAML a Dapr
 * sidecar reads, run in-process. With the router guest, /host/... reaches the app without /host,
 * Dapr's e2e request /v1.0/hi?name=panda reaches it as /v1.0/hello?name=teddy, and everything else
 * is answered "hello" by the guest.
 */
import express, { type Express } from 'express';
import { daprWasm } from '@dapr-wasm/express';
import type { Logger } from '@dapr-wasm/core';
import { guestSet, type GuestHandle } from '../shared/guest-set.js';
import { loadHttpPipeline } from './pipeline.js';

export async function createApp(options: { logger?: Logger } = {}): Promise<{ app: Express; wasm: GuestHandle }> {
  const app = express();
  // In Dapr's order: the first handler listed sees the request first.
  const handlers = (await loadHttpPipeline()).map((guest) => daprWasm({ ...guest, logger: options.logger }));
  for (const handler of handlers) app.use(handler);

  app.get('/', (_req, res) => {
    res.send('the app itself\n');
  });
  app.get('/hi', (req, res) => {
    res.json({ greeting: `hi ${req.query.name ?? 'there'}`, url: req.url });
  });
  app.get('/v1.0/hello', (req, res) => {
    res.json({ greeting: `hello ${req.query.name ?? 'there'}`, url: req.url });
  });
  return { app, wasm: guestSet(handlers) };
}
