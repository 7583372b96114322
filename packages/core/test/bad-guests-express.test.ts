/**
 * The same bad guests through an adapter: Express's `daprWasm()` rejects `ready` with the core's
 * error, a request that reaches the middleware anyway gets a plain 500, and the app goes on
 * serving, both its other routes and further requests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import express from 'express';
import { daprWasm } from '@dapr-wasm/express';
import type { DaprWasmError } from '@dapr-wasm/core';
import { badGuests } from './bad-guests.js';
import { keptLogger } from './quiet-logger.js';

async function serve(app: express.Express): Promise<{ url: string; close(): Promise<void> }> {
  const server = http.createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

describe('bad guests through Express', () => {
  for (const bad of badGuests) {
    it(`${bad.name}: ready rejects, requests get 500, the app keeps serving`, async () => {
      const middleware = daprWasm({ bytes: await bad.bytes(), name: 'bad.wasm', logger: keptLogger() });
      const error = (await middleware.ready.then(() => undefined, (e: unknown) => e)) as DaprWasmError;
      expect(error).toBeInstanceOf(bad.error);
      expect(error.code).toBe(bad.code);
      expect(error.phase).toBe(bad.phase);

      const app = express();
      app.get('/health', (_req, res) => void res.send('ok'));
      app.use(middleware);
      app.use((_req, res) => void res.send('behind the guest'));
      const server = await serve(app);
      try {
        for (let round = 0; round < 2; round++) {
          const guarded = await fetch(`${server.url}/guarded`);
          expect(guarded.status).toBe(500);
          expect(await guarded.text()).toBe('Internal Server Error\n');
          const health = await fetch(`${server.url}/health`);
          expect(await health.text()).toBe('ok');
        }
      } finally {
        await server.close();
        await middleware.close();
      }
    });
  }
});
