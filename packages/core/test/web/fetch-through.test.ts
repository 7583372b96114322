/**
 * fetchThrough drives a guest in front of a fetch-shaped handler with Web Request/Response only:
 * the layer the Hono adapter, Workers and the outbound fetch wrapper share.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createMiddleware, fetchThrough } from '@dapr-wasm/core';

const guest = (name: string) => readFile(fileURLToPath(new URL(`../../../../guests/${name}`, import.meta.url)));

describe('fetchThrough', () => {
  it('forwards the rewritten request and adds the guest header (router-style guest)', async () => {
    const mw = createMiddleware({ bytes: await guest('examples/rewrite.wasm') });
    await mw.ready;
    const seen: string[] = [];
    const res = await fetchThrough(mw, new Request('http://app.test/hello?x=1'), (req) => {
      seen.push(`${req.method} ${req.url}`);
      return new Response('downstream', { headers: { 'content-type': 'text/plain' } });
    });
    expect(seen).toEqual(['GET http://app.test/rewritten']);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-wasm')).toBe('1');
    expect(await res.text()).toBe('downstream');
    await mw.close();
  });

  it('adds guest headers to the downstream response itself, and rebuilds one whose headers are immutable', async () => {
    const mw = createMiddleware({ bytes: await guest('examples/rewrite.wasm') });
    await mw.ready;
    const own = new Response('downstream');
    expect(await fetchThrough(mw, new Request('http://app.test/hello'), () => own)).toBe(own);
    expect(own.headers.get('x-wasm')).toBe('1');

    // A redirect's headers are immutable, as a fetched response's are.
    const immutable = Response.redirect('http://app.test/elsewhere', 302);
    const res = await fetchThrough(mw, new Request('http://app.test/hello'), () => immutable);
    expect(res).not.toBe(immutable);
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('http://app.test/elsewhere');
    expect(res.headers.get('x-wasm')).toBe('1');
    await mw.close();
  });

  it('never reads the body of a GET request (a server may build it lazily)', async () => {
    class LazyRequest extends Request {
      override get body(): ReadableStream<Uint8Array> | null {
        throw new Error('body read');
      }
    }
    const mw = createMiddleware({ bytes: await guest('examples/rewrite.wasm') });
    await mw.ready;
    const res = await fetchThrough(mw, new LazyRequest('http://app.test/hello'), () => new Response('ok'));
    expect(await res.text()).toBe('ok');
    await mw.close();
  });

  it('runs buffering guests in pipeline order and rewrites the body', async () => {
    const bytes = await guest('pipeline/tag.wasm');
    const a = createMiddleware({ bytes, guestConfig: 'A' });
    const b = createMiddleware({ bytes, guestConfig: 'B' });
    await Promise.all([a.ready, b.ready]);
    const app = (req: Request) => new Response(`order=${req.headers.get('x-order')};`);
    const res = await fetchThrough(a, new Request('http://app.test/'), (r1) => fetchThrough(b, r1, app));
    expect(await res.text()).toBe('order=A, B;BA');
    await Promise.all([a.close(), b.close()]);
  });

  it('answers 500 without the guest text when the guest cannot load', async () => {
    const mw = createMiddleware({ bytes: new Uint8Array([1, 2, 3]) });
    await expect(mw.ready).rejects.toMatchObject({ code: 'DAPR_WASM_COMPILE', phase: 'compile' });
    const res = await fetchThrough(mw, new Request('http://app.test/'), () => new Response('never'));
    expect(res.status).toBe(500);
    expect(await res.text()).toBe('Internal Server Error\n');
  });
});
