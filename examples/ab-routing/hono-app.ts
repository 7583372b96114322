/**
 * The same app on Hono. Here the mounting matters: Hono picks the route before middleware runs,
 * so the guest is given the app (`{ app }`) and a rewritten request is dispatched through it again,
 * reaching the /v2 route. Plain `app.use(daprWasm(guest))` would still run the /v1 handler.
 */
import { Hono } from 'hono';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/hono';
import { guestUrl, type AbRoutingOptions } from './app.js';
import { catalogV1, catalogV2 } from './catalog.js';
import { abRoutingConfig } from './config.js';

export function createHonoApp(options: AbRoutingOptions = {}): { app: Hono; wasm: DaprWasmMiddleware } {
  const app = new Hono();
  const guest = { url: guestUrl, guestConfig: JSON.stringify(options.config ?? abRoutingConfig), logger: options.logger };
  const wasm = daprWasm(guest, { app });
  app.use(wasm);
  app.get('/v1/products', (c) => c.json(catalogV1));
  app.get('/v2/products', (c) => c.json(catalogV2));
  return { app, wasm };
}
