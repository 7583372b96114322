/**
 * Without buffering, body bytes and headers the guest wrote before next still reach the client:
 * the bytes go in front of whatever body downstream set, as the reference host writes them first.
 */
import { Readable } from 'node:stream';
import { Router } from '@koa/router';
import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

function bodies(koa: Koa): void {
  const router = new Router();
  router.get('/string', (ctx) => {
    ctx.body = 'text';
  });
  router.get('/buffer', (ctx) => {
    ctx.body = Buffer.from('bytes');
  });
  router.get('/json', (ctx) => {
    ctx.body = { a: 1 };
  });
  router.get('/stream', (ctx) => {
    ctx.body = Readable.from([Buffer.from('str'), Buffer.from('eam')]);
  });
  router.get('/sized-stream', (ctx) => {
    ctx.body = Readable.from([Buffer.from('sized')]);
    ctx.length = 5;
  });
  router.get('/created', (ctx) => {
    ctx.status = 201;
    ctx.body = 'made';
  });
  router.get('/silent', (ctx) => {
    ctx.set('x-app', 'saw it');
  });
  router.get('/no-content', (ctx) => {
    ctx.status = 204;
  });
  koa.use(router.routes());
}

for (const [name, Koa] of koaVersions) {
  describe(`guest body prefix on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'body-prefix', { after: bodies });
    });
    afterAll(() => app.close());

    it.each([
      ['/string', 200, 'guest:text', 'text/plain; charset=utf-8', '10'],
      ['/buffer', 200, 'guest:bytes', 'application/octet-stream', '11'],
      ['/json', 200, 'guest:{"a":1}', 'application/json; charset=utf-8', '13'],
      ['/stream', 200, 'guest:stream', 'application/octet-stream', null],
      ['/sized-stream', 200, 'guest:sized', 'application/octet-stream', '11'],
      ['/created', 201, 'guest:made', 'text/plain; charset=utf-8', '10'],
    ])('%s: the guest bytes lead the app body', async (path, status, body, type, length) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(status);
      expect(await res.text()).toBe(body);
      expect(res.headers.get('x-guest')).toBe('prefix');
      expect(res.headers.get('content-type')).toBe(type);
      expect(res.headers.get('content-length')).toBe(length);
    });

    it('sends the guest bytes alone, as a 200, when the app writes no body', async () => {
      const res = await fetch(`${app.url}/silent`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('guest:');
      expect(res.headers.get('x-app')).toBe('saw it');
      expect(res.headers.get('content-type')).toBeNull();
      expect(res.headers.get('content-length')).toBe('6');
    });

    it('drops them when the app answers with a bodiless status', async () => {
      const res = await fetch(`${app.url}/no-content`);
      expect(res.status).toBe(204);
      expect(await res.text()).toBe('');
    });
  });
}
