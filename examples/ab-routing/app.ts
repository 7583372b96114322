/**
 * An Express app with both versions of a route, /v1/products and /v2/products. Clients only ever
 * ask for /v1; the ab-routing guest decides who is served by /v2, by rewriting the URI before
 * Express routes the request.
 */
import express, { type Express } from 'express';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';
import type { Logger } from '@dapr-wasm/core';
import { catalogV1, catalogV2 } from './catalog.js';
import { abRoutingConfig, type AbRoutingConfig } from './config.js';

export const guestUrl = new URL('./guest/ab-routing.wasm', import.meta.url);

export interface AbRoutingOptions {
  config?: AbRoutingConfig;
  logger?: Logger;
}

export function createApp(options: AbRoutingOptions = {}): { app: Express; wasm: DaprWasmHandler } {
  const app = express();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? abRoutingConfig),
    logger: options.logger,
  });
  app.use(wasm);
  app.get('/v1/products', (_req, res) => {
    res.json(catalogV1);
  });
  app.get('/v2/products', (_req, res) => {
    res.json(catalogV2);
  });
  return { app, wasm };
}
