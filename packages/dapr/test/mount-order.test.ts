/**
 * A resources folder and a Configuration with two wasm middlewares (the tag guest twice, with
 * guestConfig A and B), mounted in one line on each framework, run in Dapr's order: the first
 * handler listed sees the request first and the response last.
 */
import { createAdaptorServer } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, describe, expect, it } from 'vitest';
import { daprWasm } from '../src/hono.js';
import { fixture, recordingLogger } from './fixtures.js';
import { frameworks, type MountedApp } from './support/frameworks.js';
import { repoRoot } from './support/guests.js';
import { serve } from './support/serve.js';

const options = () => ({
  resources: fixture('mount', 'tags', 'components'),
  config: fixture('mount', 'tags', 'config.yaml'),
  cwd: repoRoot,
  logger: recordingLogger(),
});

describe.each(frameworks)('$name', (framework) => {
  let app: MountedApp;
  afterAll(() => app?.close());

  it('runs the first listed handler first on the request and last on the response', async () => {
    app = await framework.mount(options());
    await app.pipeline.ready;
    const res = await fetch(app.url + '/');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('order=A,B;BA');
  });

  it('runs the order the same way for concurrent requests', async () => {
    const bodies = await Promise.all(Array.from({ length: 16 }, (_, i) => fetch(`${app.url}/c${i}?delay=${i % 4}`).then((r) => r.text())));
    expect(new Set(bodies)).toEqual(new Set(['order=A,B;BA']));
  });

  it('lists the serving guests in pipeline order', () => {
    expect(app.pipeline.components().map((c) => [c.name, c.origin])).toEqual([
      ['tag-a', 'file'],
      ['tag-b', 'file'],
    ]);
  });
});

describe('hono, a guest that rewrites the request inside the pipeline', () => {
  it('re-dispatches the rewritten request without running the earlier guests again', async () => {
    const app = new Hono();
    const pipeline = daprWasm.pipeline({ ...options(), config: fixture('mount', 'tags', 'rewrite-config.yaml'), app });
    app.use(pipeline);
    app.get('/rewritten', (c) => c.text(`order=${c.req.header('x-order')};`));
    app.get('*', (c) => c.text('not rewritten', 404));
    const served = await serve(createAdaptorServer({ fetch: app.fetch }) as Parameters<typeof serve>[0]);
    try {
      await pipeline.ready;
      const res = await fetch(served.url + '/start');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-wasm')).toBe('1');
      // tag-a ran once on the request and once on the response: not again on the re-dispatched request.
      expect(await res.text()).toBe('order=A;A');
    } finally {
      await served.close();
      await pipeline.close();
    }
  });
});
