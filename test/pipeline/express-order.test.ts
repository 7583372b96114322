/**
 * Two buffering guests mounted one after the other run in Dapr's pipeline order: the first listed
 * sees the request first and the response last. Both tap the same Express `res`, so this also
 * proves nested response captures unwind in the right order.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { closeServer, listenOnLoopback } from '../harness/node-server.js';

const guest = fileURLToPath(new URL('../../guests/pipeline/tag.wasm', import.meta.url));
let url = '';
let server: http.Server;
const mws = [daprWasm({ url: `file://${guest}`, guestConfig: 'A' }), daprWasm({ url: `file://${guest}`, guestConfig: 'B' })];

beforeAll(async () => {
  const app = express();
  for (const mw of mws) app.use(mw);
  app.get('/', (req, res) => res.send(`order=${req.headersDistinct['x-order']?.join(',')};`));
  await Promise.all(mws.map((m) => m.ready));
  server = http.createServer(app);
  url = await listenOnLoopback(server);
});

afterAll(async () => {
  await closeServer(server);
  await Promise.all(mws.map((m) => m.close()));
});

it('runs the first listed guest first on the request and last on the response', async () => {
  const res = await fetch(url + '/');
  expect(res.status).toBe(200);
  expect(await res.text()).toBe('order=A,B;BA');
  expect(res.headers.get('content-length')).toBe(String('order=A,B;BA'.length));
  for (const m of mws) expect(m.stats().inUse).toBe(0);
});
