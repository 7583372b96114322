/**
 * Outbound calls through a guest, against a real upstream on 127.0.0.1: the interceptor on an
 * undici Agent (with `request` and with undici's `fetch`), and the `fetch` wrapper.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Agent, fetch as undiciFetch, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasmFetch, daprWasmInterceptor } from '@dapr-wasm/undici';

const guest = (p: string) => `file://${fileURLToPath(new URL(`../../../${p}`, import.meta.url))}`;
const seen: string[] = [];
let upstream: http.Server;
let origin = '';

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    seen.push(`${req.method} ${req.url} x-order=${req.headers['x-order'] ?? ''}`);
    res.setHeader('content-type', 'text/plain');
    res.end(`upstream saw ${req.url}`);
  });
  await new Promise<void>((r) => upstream.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((r) => upstream.close(() => r())));

describe('daprWasmInterceptor', () => {
  it('rewrites the outgoing request and tags the response (request API)', async () => {
    const wasm = daprWasmInterceptor(guest('guests/examples/rewrite.wasm'));
    await wasm.ready;
    const agent = new Agent().compose(wasm);
    const res = await request(`${origin}/orders?id=7`, { dispatcher: agent });
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-wasm']).toBe('1');
    expect(await res.body.text()).toBe('upstream saw /rewritten');
    expect(seen.at(-1)).toBe('GET /rewritten x-order=');
    await agent.close();
    await wasm.close();
  });

  it('runs two guests in pipeline order and lets them rewrite the buffered response (fetch API)', async () => {
    const a = daprWasmInterceptor({ url: guest('guests/pipeline/tag.wasm'), guestConfig: 'A' });
    const b = daprWasmInterceptor({ url: guest('guests/pipeline/tag.wasm'), guestConfig: 'B' });
    // undici's compose applies interceptors in turn, so the last one listed wraps the others:
    // compose(b, a) makes a the outermost, which sees the request first and the response last.
    const agent = new Agent().compose(b, a);
    const res = await undiciFetch(`${origin}/`, { dispatcher: agent });
    expect(await res.text()).toBe('upstream saw /BA');
    expect(seen.at(-1)).toBe('GET / x-order=A, B');
    await agent.close();
    await Promise.all([a.close(), b.close()]);
  });

  it('answers from the guest without calling upstream when it returns next=0', async () => {
    const wasm = daprWasmInterceptor(guest('examples/express/guests/router.wasm'));
    const agent = new Agent().compose(wasm);
    const before = seen.length;
    const res = await request(`${origin}/not-host`, { dispatcher: agent });
    expect(await res.body.text()).toBe('hello');
    expect(res.headers['content-type']).toBe('text/plain');
    expect(seen.length).toBe(before);
    await agent.close();
    await wasm.close();
  });

  it('passes an unreachable upstream through as the caller\'s error', async () => {
    const wasm = daprWasmInterceptor(guest('guests/examples/rewrite.wasm'));
    const agent = new Agent().compose(wasm);
    await expect(request('http://127.0.0.1:1/', { dispatcher: agent })).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(wasm.stats().inUse).toBe(0);
    await agent.close();
    await wasm.close();
  });
});

describe('daprWasmFetch', () => {
  it('puts the guest in front of fetch', async () => {
    const wasmFetch = daprWasmFetch(guest('guests/examples/rewrite.wasm'));
    const res = await wasmFetch(`${origin}/a/b?c=d`);
    expect(res.headers.get('x-wasm')).toBe('1');
    expect(await res.text()).toBe('upstream saw /rewritten');
    await wasmFetch.close();
  });
});
