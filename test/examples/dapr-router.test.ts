// The dapr-router example over real HTTP, on Express and on Koa: the router from Dapr's docs and
// Dapr's e2e rewrite, configured by the same Component YAML a Dapr sidecar would read.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApp } from '../../examples/dapr-router/app.js';
import { createKoaApp } from '../../examples/dapr-router/koa-app.js';
import { loadHttpPipeline } from '../../examples/dapr-router/pipeline.js';
import { assertBuilt } from './built-guest.js';
import { serveExample, type StartedApp } from './frameworks.js';

assertBuilt(new URL('../../examples/dapr-router/guest/dapr-router.wasm', import.meta.url));

it('reads the pipeline from the YAML as daprd would: one handler, file URL, guestConfig as JSON', async () => {
  const [router, ...rest] = await loadHttpPipeline();
  expect(rest).toEqual([]);
  expect(router.name).toBe('router');
  expect(fileURLToPath(router.url)).toBe(fileURLToPath(new URL('../../examples/dapr-router/guest/dapr-router.wasm', import.meta.url)));
  expect(JSON.parse(router.guestConfig)).toEqual({
    answer: 'hello',
    prefix: '/host',
    rewrites: { '/v1.0/hi?name=panda': '/v1.0/hello?name=teddy' },
  });
});

const frameworks: [string, () => Promise<StartedApp>][] = [
  ['Express', async () => { const { app, wasm } = await createApp(); return { listener: app, wasm }; }],
  ['Koa', async () => { const { app, wasm } = await createKoaApp(); return { listener: app.callback(), wasm }; }],
];

describe.each(frameworks)('dapr-router on %s', (_name, start) => {
  const server = serveExample(start);
  const get = (path: string) => fetch(server.url + path);

  it('trims /host and lets the app answer', async () => {
    expect(await (await get('/host/hi?name=panda')).json()).toEqual({ greeting: 'hi panda', url: '/hi?name=panda' });
    expect(await (await get('/host')).text()).toBe('the app itself\n');
  });

  it("rewrites Dapr's e2e request in process", async () => {
    expect(await (await get('/v1.0/hi?name=panda')).json()).toEqual({ greeting: 'hello teddy', url: '/v1.0/hello?name=teddy' });
  });

  it('answers everything else itself with a plain-text hello', async () => {
    for (const path of ['/anything', '/v1.0/hi?name=bear', '/hostile', '/hi']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/plain');
      expect(await res.text()).toBe('hello');
    }
  });
});
