// The header-validation example over real HTTP, on Express and on Hono.
import { getRequestListener } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp, guestUrl } from '../../examples/header-validation/app.js';
import { headerValidationConfig } from '../../examples/header-validation/config.js';
import { createHonoApp } from '../../examples/header-validation/hono-app.js';
import { assertBuilt } from './built-guest.js';
import { serveExample, type StartedApp } from './frameworks.js';
import { rawGet } from './raw-request.js';

assertBuilt(guestUrl);

const KEY = headerValidationConfig.apiKeys.checkout;

const frameworks: [string, () => StartedApp][] = [
  ['Express', () => { const { app, wasm } = createApp(); return { listener: app, wasm }; }],
  ['Hono', () => { const { app, wasm } = createHonoApp(); return { listener: getRequestListener(app.fetch), wasm }; }],
];

describe.each(frameworks)('header-validation on %s', (_name, start) => {
  const server = serveExample(start);
  const get = (path: string, headers: Record<string, string> = {}) => fetch(server.url + path, { headers });

  it('answers 400 with a JSON error naming a missing required header', async () => {
    const res = await get('/orders', { 'x-api-key': KEY });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual({ error: 'missing required header', header: 'x-request-id' });
  });

  it('treats an empty required header as missing', async () => {
    const res = await get('/orders', { 'x-request-id': ' ', 'x-api-key': KEY });
    expect(res.status).toBe(400);
  });

  it('answers 401 without an API key, and says which header it wants', async () => {
    const res = await get('/orders', { 'x-request-id': 'r-1' });
    expect(res.status).toBe(401);
    expect(res.headers.get('www-authenticate')).toBe('ApiKey header="x-api-key"');
    expect(await res.json()).toEqual({ error: 'missing API key', header: 'x-api-key' });
  });

  it('answers 401 for a key that is not configured, even one that is a prefix of a real key', async () => {
    for (const key of ['nope', KEY.slice(0, -1), KEY + 'x']) {
      const res = await get('/orders', { 'x-request-id': 'r-1', 'x-api-key': key });
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({ error: 'invalid API key', header: 'x-api-key' });
    }
  });

  it('refuses two API key field lines instead of picking one', async () => {
    const res = await rawGet(server.url + '/orders', { 'x-request-id': 'r-1', 'x-api-key': [KEY, 'other'] });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toEqual({ error: 'more than one API key', header: 'x-api-key' });
  });

  it('lets a valid request through, naming the client and hiding the key from the app', async () => {
    const res = await get('/orders', { 'x-request-id': 'r-1', 'x-api-key': KEY });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ client: 'checkout', requestId: 'r-1', sawApiKey: false });
  });

  it('overwrites a client name the caller sent itself', async () => {
    const res = await get('/orders', {
      'x-request-id': 'r-1',
      'x-api-key': headerValidationConfig.apiKeys.reporting,
      'x-client-id': 'admin',
    });
    expect(await res.json()).toMatchObject({ client: 'reporting' });
  });

  it('skips the checks on exempt paths', async () => {
    const res = await get('/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });
});

describe('header-validation with a broken guestConfig', () => {
  const logged: string[] = [];
  const server = serveExample(() => {
    const { app, wasm } = createApp({
      // Valid JSON, but a string where the guest needs an object.
      config: 'checkout=ck_demo_7Gq2' as unknown as typeof headerValidationConfig,
      logger: { enabled: () => true, log: (_level, message) => void logged.push(message) },
    });
    return { listener: app, wasm };
  });

  it('refuses every request with a 500 rather than letting requests through unchecked', async () => {
    const res = await fetch(server.url + '/health');
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: 'header validation is misconfigured' });
    expect(logged.join('\n')).toContain('guestConfig is not a JSON object');
  });
});
