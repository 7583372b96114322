// The modify-request-response example over real HTTP: header edits both ways, a JSON rewrite of
// the app's responses and secrets masked in request and response bodies.
import { describe, expect, it } from 'vitest';
import { createApp, guestUrl } from '../../examples/modify-request-response/app.js';
import { assertBuilt } from './built-guest.js';
import { serveExample } from './frameworks.js';

assertBuilt(guestUrl);

describe('modify-request-response on Express', () => {
  const server = serveExample(() => {
    const { app, wasm } = createApp();
    return { listener: app, wasm };
  });

  it('sets and removes request headers before the app sees them', async () => {
    const body = await (await fetch(server.url + '/account', { headers: { 'x-debug-token': 'secret-t' } })).json();
    expect(body).toMatchObject({ forwardedBy: 'dapr-wasm', debugToken: null });
  });

  it('sets and removes response headers', async () => {
    const res = await fetch(server.url + '/account');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.has('x-powered-by')).toBe(false);
  });

  it('rewrites the JSON body: members removed, added at the end, secrets masked, length right', async () => {
    const res = await fetch(server.url + '/account');
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({
      name: 'Ada',
      balance: 12.5,
      note: 'token *** rotated',
      forwardedBy: 'dapr-wasm',
      debugToken: null,
      apiVersion: '2',
      servedBy: 'wasm',
    });
    expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(text));
    // The app's ETag described the bytes it wrote, not these.
    expect(res.headers.has('etag')).toBe(false);
  });

  it('keeps what it does not change exactly as the app wrote it', async () => {
    const text = await (await fetch(server.url + '/price')).text();
    // Escapes are decoded and written back as the characters they stand for.
    expect(text).toBe('{"price":1.50,"sku":"A-1","size":1e3,"label":"café 😀 \\"x\\"","apiVersion":"2","servedBy":"wasm"}');
  });

  it('masks secrets in a JSON request body before the app parses it', async () => {
    const res = await fetch(server.url + '/echo', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'ada', password: 'hunter2', card: 'sk_live_51HxExample' }),
    });
    expect(res.status).toBe(200);
    expect((await res.json()).received).toEqual({ user: 'ada', password: '***', card: '***' });
  });

  it('masks secrets in text request and response bodies', async () => {
    const echoed = await fetch(server.url + '/echo', {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'pw=hunter2; again hunter2',
    });
    expect((await echoed.json()).received).toBe('pw=***; again ***');
    expect(await (await fetch(server.url + '/notes')).text()).toBe('the admin password is ***\n');
  });

  it('leaves binary bodies alone', async () => {
    const res = await fetch(server.url + '/download');
    expect(Buffer.from(await res.arrayBuffer()).toString('latin1')).toBe('\x00hunter2\xff');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
