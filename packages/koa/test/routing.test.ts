/** A guest's URI and method rewrites decide what a @koa/router router mounted after it dispatches. */
import { Router } from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

for (const [name, Koa] of koaVersions) {
  describe(`URI rewrite on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'set-uri', {
        options: { guestConfig: '/b/7?from=guest&x=%2F' },
        after(koa) {
          const router = new Router();
          router.get('/a', (ctx) => {
            ctx.body = { route: 'a' };
          });
          router.get('/b/:id', (ctx) => {
            ctx.body = {
              route: 'b',
              id: ctx.params.id,
              url: ctx.url,
              path: ctx.path,
              querystring: ctx.querystring,
              query: ctx.query,
              originalUrl: ctx.originalUrl,
              host: ctx.request.header.host === ctx.host,
            };
          });
          koa.use(router.routes());
        },
      });
    });
    afterAll(() => app.close());

    it('routes to the rewritten path, with Koa state derived from it', async () => {
      const res = await fetch(`${app.url}/a?old=1`);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        route: 'b',
        id: '7',
        url: '/b/7?from=guest&x=%2F',
        path: '/b/7',
        querystring: 'from=guest&x=%2F',
        query: { from: 'guest', x: '/' },
        // Koa's originalUrl keeps what the client asked for, as after any Koa rewrite.
        originalUrl: '/a?old=1',
        host: true,
      });
    });
  });

  describe(`method rewrite on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'set-method', {
        options: { guestConfig: 'PUT' },
        after(koa) {
          const router = new Router();
          router.get('/item', (ctx) => {
            ctx.body = 'get';
          });
          router.put('/item', (ctx) => {
            ctx.body = `put (ctx.method ${ctx.method})`;
          });
          koa.use(router.routes());
        },
      });
    });
    afterAll(() => app.close());

    it('dispatches the rewritten method', async () => {
      const res = await fetch(`${app.url}/item`);
      expect(await res.text()).toBe('put (ctx.method PUT)');
    });
  });
}
