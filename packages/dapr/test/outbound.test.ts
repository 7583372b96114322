/**
 * The same resources folder drives outbound calls: the Configuration's httpPipeline runs on the
 * app's undici calls to a real upstream on 127.0.0.1, in Dapr's order.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daprOutbound, type DaprOutbound } from '../src/undici.js';
import { fixture, recordingLogger } from './fixtures.js';
import { repoRoot } from './support/guests.js';

let upstream: http.Server;
let origin = '';
let outbound: DaprOutbound;
const seen: string[] = [];

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(`${req.url} x-order=${req.headers['x-order']}`);
    res.end(`upstream:`);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
  outbound = await daprOutbound({
    resources: fixture('mount', 'tags', 'components'),
    // httpPipeline lists tag-b then tag-a (the opposite of appHttpPipeline in the same file).
    config: fixture('mount', 'tags', 'both-pipelines.yaml'),
    cwd: repoRoot,
    logger: recordingLogger(),
  });
});

afterAll(async () => {
  await outbound?.close();
  await new Promise<void>((r) => upstream.close(() => r()));
});

it('runs httpPipeline on outgoing calls, first handler first on the request and last on the response', async () => {
  const res = await outbound.fetch(`${origin}/orders`);
  expect(await res.text()).toBe('upstream:AB');
  expect(seen.at(-1)).toBe('/orders x-order=B, A');
});

it('works through the dispatcher with undici.request too', async () => {
  const res = await request(`${origin}/stock`, { dispatcher: outbound.dispatcher });
  expect(await res.body.text()).toBe('upstream:AB');
  expect(outbound.interceptors).toHaveLength(2);
  for (const guest of outbound.interceptors) expect(guest.stats().inUse).toBe(0);
});
