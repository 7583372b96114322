/**
 * The Koa app each worker runs: the header-validation guest in front of one route. A request with
 * `x-request-id` and a known `x-api-key` reaches /orders with `x-client-id` set by the guest; any
 * other is answered 400/401 by the guest itself. Every response carries `x-worker-pid`, set by the
 * app, so a client can see which process answered.
 */
import Koa from 'koa';
import { daprWasm, type DaprWasmMiddleware } from '@dapr-wasm/koa';
import type { Logger } from '@dapr-wasm/core';
import { headerValidationConfig } from '../header-validation/config.js';

export const guestUrl = new URL('../header-validation/guest/header-validation.wasm', import.meta.url);

export const WORKER_HEADER = 'x-worker-pid';

export function createApp(logger?: Logger): { app: Koa; wasm: DaprWasmMiddleware } {
  const app = new Koa();
  // Outermost, and set after the rest ran: a response the guest writes itself replaces every
  // header the app had set, so the pid goes on last.
  app.use(async (ctx, next) => {
    await next();
    ctx.set(WORKER_HEADER, String(process.pid));
  });

  const wasm = daprWasm({ url: guestUrl, guestConfig: JSON.stringify(headerValidationConfig), logger });
  app.use(wasm);

  app.use((ctx) => {
    if (ctx.method !== 'GET' || ctx.path !== '/orders') return; // Koa answers 404
    ctx.body = {
      orders: [{ id: 1, item: 'coffee' }],
      client: ctx.get('x-client-id'),
      requestId: ctx.get('x-request-id'),
      sawApiKey: ctx.get('x-api-key') !== '',
    };
  });
  return { app, wasm };
}
