/**
 * The same app on Hono. The guest never rewrites the URI, so plain `app.use` is enough: no
 * re-dispatch (`{ app }`) is needed for Hono to pick the right route.
 */
import { Hono } from 'hono';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/hono';
import type { Logger } from '@dapr-wasm/core';
import { guestUrl } from './app.js';
import { headerValidationConfig, type HeaderValidationConfig } from './config.js';

export function createHonoApp(options: { config?: HeaderValidationConfig; logger?: Logger } = {}): {
  app: Hono;
  wasm: DaprWasmMiddleware;
} {
  const app = new Hono();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? headerValidationConfig),
    logger: options.logger,
  });
  app.use(wasm);
  app.get('/health', (c) => c.json({ status: 'ok' }));
  app.get('/orders', (c) =>
    c.json({
      orders: [{ id: 1, item: 'coffee' }],
      client: c.req.header('x-client-id'),
      requestId: c.req.header('x-request-id'),
      sawApiKey: c.req.header('x-api-key') !== undefined,
    }),
  );
  return { app, wasm };
}
