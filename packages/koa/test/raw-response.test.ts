/**
 * Downstreams that bypass Koa (`ctx.respond = false`) and write ctx.res themselves: the guest
 * still sees and shapes their response, through the node layer.
 */
import { Router } from '@koa/router';
import type Koa from 'koa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

function rawRoutes(koa: Koa): void {
  const router = new Router();
  router.get('/now', (ctx) => {
    ctx.respond = false;
    ctx.res.writeHead(200, { 'content-type': 'text/plain' });
    ctx.res.end('raw');
  });
  router.get('/later', (ctx) => {
    // Answers after the middleware chain has returned, as a proxy would.
    ctx.respond = false;
    setTimeout(() => {
      ctx.res.setHeader('content-type', 'text/plain');
      ctx.res.write('la');
      ctx.res.end('ter');
    }, 20);
  });
  koa.use(router.routes());
}

for (const [name, Koa] of koaVersions) {
  describe(`ctx.respond = false on ${name}, guest writing a body prefix`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'body-prefix', { after: rawRoutes });
    });
    afterAll(() => app.close());

    it.each([
      ['/now', 'guest:raw'],
      ['/later', 'guest:later'],
    ])('%s streams through after the guest bytes', async (path, body) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('x-guest')).toBe('prefix');
      expect(await res.text()).toBe(body);
    });
  });

  describe(`ctx.respond = false on ${name}, guest buffering the response`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'wrap-response', { after: rawRoutes });
    });
    afterAll(() => app.close());

    it.each([
      ['/now', '[raw]'],
      ['/later', '[later]'],
    ])('%s is captured and rewritten', async (path, body) => {
      const res = await fetch(`${app.url}${path}`);
      expect(res.status).toBe(203);
      expect(res.headers.get('x-original-type')).toBe('text/plain');
      expect(await res.text()).toBe(body);
    });
  });
}
