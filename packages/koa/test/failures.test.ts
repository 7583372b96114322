/**
 * When things fail: a trapping guest answers 500 and the app keeps serving; an error thrown
 * downstream is shown to the guest (isError=1) and then goes to Koa's own error handling.
 */
import { Router } from '@koa/router';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Logger } from '@dapr-wasm/core';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

for (const [name, Koa] of koaVersions) {
  describe(`trapping guest on ${name}`, () => {
    let app: RunningApp;
    let downstreamRuns = 0;
    beforeAll(async () => {
      app = await startApp(Koa, 'trap', {
        after(koa) {
          koa.use((ctx) => {
            downstreamRuns++;
            ctx.body = 'app answer';
          });
        },
      });
    });
    afterAll(() => app.close());

    it('answers 500 for a trap in handle_request, without running downstream', async () => {
      const before = downstreamRuns;
      const res = await fetch(`${app.url}/`, { headers: { 'x-trap': '1' } });
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('Internal Server Error\n');
      expect(downstreamRuns).toBe(before);
    });

    it('answers 500 for a trap in handle_response: Koa had not sent the app answer yet', async () => {
      const before = downstreamRuns;
      const res = await fetch(`${app.url}/`, { headers: { 'x-trap-late': '1' } });
      expect(res.status).toBe(500);
      expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
      expect(await res.text()).toBe('Internal Server Error\n');
      expect(downstreamRuns).toBe(before + 1);
    });

    it('keeps serving, on fresh instances', async () => {
      const res = await fetch(`${app.url}/`);
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('app answer');
      expect(app.middleware.stats().discarded).toBeGreaterThanOrEqual(2);
    });
  });

  describe(`downstream errors on ${name}`, () => {
    let app: RunningApp;
    const guestLog: string[] = [];
    const appErrors: Error[] = [];
    const logger: Logger = { enabled: () => true, log: (_level, message) => guestLog.push(message) };
    beforeAll(async () => {
      app = await startApp(Koa, 'error-observer', {
        options: { logger },
        before(koa) {
          koa.on('error', (err: Error) => appErrors.push(err));
          // An app's own error handler, upstream of the guest, for requests under /handled.
          koa.use(async (ctx, next) => {
            try {
              await next();
            } catch (err) {
              if (!ctx.path.startsWith('/handled')) throw err;
              ctx.status = 409;
              ctx.body = { caught: (err as Error).message };
            }
          });
        },
        after(koa) {
          const router = new Router();
          router.get('/teapot', (ctx) => ctx.throw(418, 'short and stout'));
          router.get('/crash', () => {
            throw new Error('database down');
          });
          router.get('/handled', () => {
            throw new Error('handled upstream');
          });
          router.get('/ok', (ctx) => {
            ctx.body = 'fine';
          });
          koa.use(router.routes());
        },
      });
    });
    afterAll(() => app.close());

    it('reach the guest as isError=1 and Koa answers with the error status', async () => {
      guestLog.length = 0;
      const res = await fetch(`${app.url}/teapot`);
      expect(res.status).toBe(418);
      expect(await res.text()).toBe('short and stout');
      expect(guestLog).toContain('isError=1');
    });

    it('become Koa 500s for plain errors, emitted on the app', async () => {
      guestLog.length = 0;
      appErrors.length = 0;
      const res = await fetch(`${app.url}/crash`);
      expect(res.status).toBe(500);
      expect(await res.text()).toBe('Internal Server Error');
      expect(guestLog).toContain('isError=1');
      expect(appErrors.map((e) => e.message)).toEqual(['database down']);
    });

    it('reach error handlers mounted before the guest', async () => {
      const res = await fetch(`${app.url}/handled`);
      expect(res.status).toBe(409);
      expect(await res.json()).toEqual({ caught: 'handled upstream' });
    });

    it('leave successful requests as isError=0', async () => {
      guestLog.length = 0;
      const res = await fetch(`${app.url}/ok`);
      expect(await res.text()).toBe('fine');
      expect(guestLog).toEqual(['isError=0']);
    });
  });
}

for (const [name, Koa] of koaVersions) {
  describe(`downstream errors behind a buffering guest on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'wrap-response', {
        after(koa) {
          koa.use((ctx) => ctx.throw(418, 'short and stout'));
        },
      });
    });
    afterAll(() => app.close());

    it('still go to Koa: the guest cannot turn them into a success', async () => {
      const res = await fetch(`${app.url}/`);
      expect(res.status).toBe(418);
      expect(await res.text()).toBe('short and stout');
      expect(res.headers.get('x-original-type')).toBeNull();
    });
  });
}

for (const [name, Koa] of koaVersions) {
  describe(`failurePolicy 'open' on ${name}`, () => {
    let app: RunningApp;
    beforeAll(async () => {
      app = await startApp(Koa, 'trap', {
        options: { failurePolicy: 'open' },
        after(koa) {
          koa.use((ctx) => {
            ctx.body = `app answer to ${ctx.url}`;
          });
        },
      });
    });
    afterAll(() => app.close());

    it.each(['x-trap', 'x-trap-late'])('lets the app answer when the guest traps (%s)', async (header) => {
      const res = await fetch(`${app.url}/open`, { headers: { [header]: '1' } });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('app answer to /open');
    });
  });
}
