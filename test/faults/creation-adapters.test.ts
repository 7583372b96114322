/**
 * An app whose guest cannot be instantiated (its `_start` traps) and that serves anyway, because
 * nobody awaited `ready`: the harness cannot boot such an app (it awaits `ready`), so each adapter
 * is mounted here by hand, on one route of an app that has others. `ready` rejects with a
 * GuestInstantiateError naming `_start`; the guarded route answers a generic 500 (or, with
 * failurePolicy 'open', is served as if the guest were not there); the other routes keep serving.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { GuestInstantiateError, type Logger } from '@dapr-wasm/core';
import { daprWasm as expressWasm } from '@dapr-wasm/express';
import { daprWasm as honoWasm } from '@dapr-wasm/hono';
import { daprWasm as koaWasm } from '@dapr-wasm/koa';
import { guestRef } from '../harness/guests.js';
import { closeServer, listenOnLoopback } from '../harness/node-server.js';
import { GENERIC_500 } from './scripted-app.js';

const START_TRAP = pathToFileURL(guestRef('guests/hostile/start-trap.wasm').path).href;

/** Keeps the creation error out of the test output; the adapters log it rather than print it. */
const quiet: Logger = { enabled: () => true, log: () => {} };

interface Mounted {
  readonly url: string;
  readonly ready: Promise<void>;
  close(): Promise<void>;
}

type Policy = 'closed' | 'open';

const apps: Record<string, (policy: Policy) => Promise<Mounted>> = {
  async express(policy) {
    const guard = expressWasm({ url: START_TRAP, logger: quiet, failurePolicy: policy });
    const app = express();
    app.use('/guarded', guard);
    app.use((req, res) => void res.type('text/plain').end(`open ${req.originalUrl}`));
    const server = http.createServer(app);
    return { url: await listenOnLoopback(server), ready: guard.ready, close: async () => (await closeServer(server), await guard.close()) };
  },
  async koa(policy) {
    const guard = koaWasm({ url: START_TRAP, logger: quiet, failurePolicy: policy });
    const app = new Koa();
    app.use((ctx, next) => (ctx.path.startsWith('/guarded') ? guard(ctx, next) : next()));
    app.use((ctx) => void (ctx.body = `open ${ctx.url}`));
    const server = http.createServer(app.callback());
    return { url: await listenOnLoopback(server), ready: guard.ready, close: async () => (await closeServer(server), await guard.close()) };
  },
  async hono(policy) {
    const guard = honoWasm({ url: START_TRAP, logger: quiet, failurePolicy: policy });
    const app = new Hono();
    app.use('/guarded/*', guard);
    app.all('*', (c) => c.text(`open ${new URL(c.req.url).pathname}`));
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }) as http.Server;
    return { url: await listenOnLoopback(server), ready: guard.ready, close: async () => (await closeServer(server), await guard.close()) };
  },
};

async function get(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
  return { status: res.status, text: await res.text() };
}

describe('a guest that cannot start, in an app that serves anyway', () => {
  for (const [adapter, mount] of Object.entries(apps)) {
    it(`${adapter}: ready rejects naming _start; the guarded route answers 500; other routes keep serving`, async () => {
      const app = await mount('closed');
      try {
        const error = await app.ready.then(() => undefined, (e: unknown) => e);
        expect(error).toBeInstanceOf(GuestInstantiateError);
        expect((error as GuestInstantiateError).culprit).toBe('_start');
        const guarded = await get(`${app.url}/guarded/a`);
        expect(guarded.status).toBe(500);
        expect(guarded.text).toBe(GENERIC_500);
        expect(await get(`${app.url}/elsewhere`)).toEqual({ status: 200, text: 'open /elsewhere' });
        expect((await get(`${app.url}/guarded/b`)).status, 'and the guarded route stays closed').toBe(500);
      } finally {
        await app.close();
      }
    });

    it(`${adapter}: with failurePolicy 'open' the guarded route is served as if the guest were not there`, async () => {
      const app = await mount('open');
      try {
        await app.ready.catch(() => {});
        expect(await get(`${app.url}/guarded/a`)).toEqual({ status: 200, text: 'open /guarded/a' });
      } finally {
        await app.close();
      }
    });
  }
});
