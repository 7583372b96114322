/**
 * The loopback server of the scaling and memory sections: Express 5 with the rewrite guest
 * (`wasm`) or without it (`bare`), started by fork() with `<bare|wasm> <guest file URL>`. Unlike the
 * end-to-end servers it answers IPC samples with its own memory figures and the guest pool's
 * counters, which only the process itself can see. Exits when the parent disconnects.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { daprWasm, type DaprWasmHandler } from '@dapr-wasm/express';
import type { PoolStats } from '@dapr-wasm/core';
import express from 'express';
import { APP_BODY, APP_ROUTE } from '../e2e/rewrite.js';

export type ServerKind = 'bare' | 'wasm';

export interface ServerSample {
  readonly memory: NodeJS.MemoryUsage;
  readonly pool: PoolStats | undefined;
}

export type ServerMessage = { readonly port: number } | ServerSample;

const [kind, guestUrl] = process.argv.slice(2) as [ServerKind, string];
if (!process.send || (kind !== 'bare' && kind !== 'wasm')) {
  console.error('usage (from the benchmark only): server.ts <bare|wasm> <guest url>');
  process.exit(2);
}

const app = express();
let guest: DaprWasmHandler | undefined;
if (kind === 'wasm') {
  guest = daprWasm(guestUrl);
  await guest.ready;
  app.use(guest);
}
app.get(APP_ROUTE, (_req, res) => {
  res.send(APP_BODY);
});

const server = http.createServer(app);
server.listen(0, '127.0.0.1', () => process.send!({ port: (server.address() as AddressInfo).port }));
process.on('message', () => {
  const sample: ServerSample = { memory: process.memoryUsage(), pool: guest?.stats() };
  process.send!(sample);
});
process.on('disconnect', () => process.exit(0));
