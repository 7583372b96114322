/**
 * A guest with buffer_response reads whatever body downstream left on ctx, as the bytes Koa would
 * send, and its rewrite (status, headers, body) replaces the whole response.
 */
import { Readable } from 'node:stream';
import { Router } from '@koa/router';
import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

function bodies(koa: Koa, web: boolean): void {
  const router = new Router();
  router.get('/buffer', (ctx) => {
    ctx.body = Buffer.from('bytes');
  });
  router.get('/string', (ctx) => {
    ctx.body = 'text';
  });
  router.get('/html', (ctx) => {
    ctx.body = '<p>hi</p>';
  });
  router.get('/json', (ctx) => {
    ctx.body = { a: 1, list: ['x'] };
  });
  router.get('/stream', (ctx) => {
    ctx.body = Readable.from([Buffer.from('str'), Buffer.from('eam')]);
  });
  router.get('/typed', (ctx) => {
    ctx.type = 'application/vnd.test';
    ctx.status = 201;
    ctx.body = 'typed';
  });
  router.get('/cookies', (ctx) => {
    ctx.cookies.set('a', '1');
    ctx.cookies.set('b', '2');
    ctx.body = 'cookies';
  });
  router.get('/empty', (ctx) => {
    ctx.status = 204;
  });
  if (web) {
    router.get('/web-stream', (ctx) => {
      ctx.body = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode('web'));
          c.close();
        },
      });
    });
    router.get('/blob', (ctx) => {
      ctx.body = new Blob(['blob'], { type: 'text/x-blob' });
    });
  }
  koa.use(router.routes());
}

for (const [name, Koa] of koaVersions) {
  describe(`buffered response rewrite on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'wrap-response', { after: (koa) => bodies(koa, name === 'koa3') });
    });
    afterAll(() => app.close());

    async function get(path: string) {
      const res = await fetch(`${app.url}${path}`);
      const body = await res.text();
      return { res, body };
    }

    it.each([
      ['/buffer', '[bytes]', 'application/octet-stream'],
      ['/string', '[text]', 'text/plain; charset=utf-8'],
      ['/html', '[<p>hi</p>]', 'text/html; charset=utf-8'],
      ['/json', '[{"a":1,"list":["x"]}]', 'application/json; charset=utf-8'],
      ['/stream', '[stream]', 'application/octet-stream'],
      ['/typed', '[typed]', 'application/vnd.test'],
      // Nothing matched: the guest reads Koa's own 404 page.
      ['/nowhere', '[Not Found]', 'text/plain; charset=utf-8'],
    ])('%s: status, headers and body as the guest rewrote them', async (path, body, type) => {
      const { res, body: text } = await get(path);
      expect(res.status).toBe(203);
      expect(text).toBe(body);
      expect(res.headers.get('x-original-type')).toBe(type);
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(body)));
      expect(res.headers.get('transfer-encoding')).toBeNull();
    });

    it('keeps every Set-Cookie line', async () => {
      const { res, body } = await get('/cookies');
      expect(body).toBe('[cookies]');
      expect(res.headers.getSetCookie().map((c) => c.split(';')[0])).toEqual(['a=1', 'b=2']);
    });

    it('lets the guest give a bodiless status a body', async () => {
      // The app answered 204; the guest's 203 with "[]" is what goes out.
      const { res, body } = await get('/empty');
      expect(res.status).toBe(203);
      expect(body).toBe('[]');
    });

    it('rewrites HEAD without sending a body', async () => {
      const res = await fetch(`${app.url}/string`, { method: 'HEAD' });
      expect(res.status).toBe(203);
      expect(res.headers.get('content-length')).toBe('6');
      expect(await res.text()).toBe('');
    });

    if (name === 'koa3') {
      it.each([
        ['/web-stream', '[web]', 'application/octet-stream'],
        // Koa's type setter adds a charset to text types.
        ['/blob', '[blob]', 'text/x-blob; charset=utf-8'],
      ])('%s (Koa 3 web body): drained like any other', async (path, body, type) => {
        const { res, body: text } = await get(path);
        expect(text).toBe(body);
        expect(res.headers.get('x-original-type')).toBe(type);
        expect(res.headers.get('content-length')).toBe(String(body.length));
      });
    }
  });
}
