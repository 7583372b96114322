/**
 * An Express app whose routes trust two headers: `x-request-id` is present and `x-client-id` names
 * a caller with a valid API key. The header-validation guest in front makes both true, or answers
 * 400/401 itself, so the route code holds no checks.
 */
import express, { type Express } from 'express';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';
import type { Logger } from '@dapr-wasm/core';
import { headerValidationConfig, type HeaderValidationConfig } from './config.js';

export const guestUrl = new URL('./guest/header-validation.wasm', import.meta.url);

export interface HeaderValidationOptions {
  config?: HeaderValidationConfig;
  logger?: Logger;
}

export function createApp(options: HeaderValidationOptions = {}): { app: Express; wasm: DaprWasmHandler } {
  const app = express();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? headerValidationConfig),
    logger: options.logger,
  });
  app.use(wasm);
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/orders', (req, res) => {
    res.json({
      orders: [{ id: 1, item: 'coffee' }],
      client: req.get('x-client-id'),
      requestId: req.get('x-request-id'),
      // The guest strips the key: the app (and its access log) never holds the secret.
      sawApiKey: req.get('x-api-key') !== undefined,
    });
  });
  return { app, wasm };
}
