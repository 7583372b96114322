/**
 * An Express app whose access log is written by a wasm guest: method, path, chosen headers on the
 * way in; status and duration on the way out, through the app's own logger.
 */
import express, { type Express } from 'express';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';
import type { LogLevelName } from '@dapr-wasm/core';
import { guestLogger, type AppLogger } from './app-logger.js';
import { loggingMetadataConfig, type LoggingMetadataConfig } from './config.js';
import { slowWork } from './slow-work.js';

export const guestUrl = new URL('./guest/logging-metadata.wasm', import.meta.url);

export interface LoggingMetadataOptions {
  /** Where guest lines go: the app's logger. */
  log: AppLogger;
  /** The least severe level passed on; the guest skips formatting below it. @default 'info' */
  level?: LogLevelName;
  config?: LoggingMetadataConfig;
}

export function createApp(options: LoggingMetadataOptions): { app: Express; wasm: DaprWasmHandler } {
  const app = express();
  const wasm = daprWasm({
    url: guestUrl,
    guestConfig: JSON.stringify(options.config ?? loggingMetadataConfig),
    logger: guestLogger(options.log, options.level),
  });
  app.use(wasm);
  app.get('/orders', (_req, res) => {
    res.json({ orders: [{ id: 1, item: 'coffee' }] });
  });
  app.get('/report', async (_req, res) => {
    res.json(await slowWork());
  });
  return { app, wasm };
}
