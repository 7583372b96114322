/**
 * Request bodies after the guest: a body the guest read with buffer_request is replayed so
 * @koa/bodyparser still parses it, and a body the guest wrote replaces the client's.
 */
import { bodyParser } from '@koa/bodyparser';
import { Router } from '@koa/router';
import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

function echoParsed(koa: Koa): void {
  koa.use(bodyParser());
  const router = new Router();
  router.post('/echo', (ctx) => {
    ctx.body = {
      parsed: ctx.request.body,
      guestRead: ctx.get('x-guest-read'),
      contentLength: ctx.get('content-length'),
      transferEncoding: ctx.get('transfer-encoding'),
    };
  });
  koa.use(router.routes());
}

/** A request body sent in chunks, without Content-Length. */
function chunked(text: string): { body: ReadableStream<Uint8Array>; duplex: 'half' } {
  const bytes = new TextEncoder().encode(text);
  const half = Math.floor(bytes.length / 2);
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(bytes.subarray(0, half));
      controller.enqueue(bytes.subarray(half));
      controller.close();
    },
  });
  return { body, duplex: 'half' };
}

for (const [name, Koa] of koaVersions) {
  describe(`body read by the guest on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'read-body', { after: echoParsed });
    });
    afterAll(() => app.close());

    it('is replayed whole to @koa/bodyparser', async () => {
      const payload = { hello: 'world', filler: 'x'.repeat(3000) };
      const text = JSON.stringify(payload);
      const res = await fetch(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: text });
      expect(res.status).toBe(200);
      const seen = await res.json();
      expect(seen.parsed).toEqual(payload);
      expect(seen.guestRead).toBe(text);
    });

    it('is replayed when it arrived chunked', async () => {
      const text = JSON.stringify({ chunked: true });
      const res = await fetch(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...chunked(text) } as RequestInit);
      const seen = await res.json();
      expect(seen.parsed).toEqual({ chunked: true });
      expect(seen.guestRead).toBe(text);
    });
  });

  describe(`body written by the guest on ${name}`, () => {
    const replacement = '{"replaced":true}';
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'write-request-body', { options: { guestConfig: replacement }, after: echoParsed });
    });
    afterAll(() => app.close());

    it('replaces the client body, with a Content-Length that fits', async () => {
      const res = await fetch(`${app.url}/echo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ original: 'a much longer body than the replacement' }),
      });
      expect(await res.json()).toEqual({ parsed: { replaced: true }, guestRead: '', contentLength: String(replacement.length), transferEncoding: '' });
    });

    it('replaces a chunked client body and drops Transfer-Encoding', async () => {
      const res = await fetch(`${app.url}/echo`, { method: 'POST', headers: { 'content-type': 'application/json' }, ...chunked('{"original":1}') } as RequestInit);
      expect(await res.json()).toEqual({ parsed: { replaced: true }, guestRead: '', contentLength: String(replacement.length), transferEncoding: '' });
    });
  });
}
