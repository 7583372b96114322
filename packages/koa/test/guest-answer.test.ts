/** A guest that answers itself (next=0): the app behind it never runs. Also the handle's lifecycle. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { koaVersions, startApp, type RunningApp } from './koa-app.js';

for (const [name, Koa] of koaVersions) {
  describe(`guest answer on ${name}`, () => {
    let app: RunningApp;
    let downstreamRuns = 0;
    beforeAll(async () => {
      app = await startApp(Koa, 'answer', {
        after(koa) {
          koa.use((ctx) => {
            downstreamRuns++;
            ctx.body = 'from the app';
          });
        },
      });
    });
    afterAll(() => app.close());

    it('sends the guest response and skips downstream', async () => {
      const res = await fetch(`${app.url}/anything`, { method: 'POST', body: 'ignored request body' });
      expect(res.status).toBe(202);
      expect(res.headers.get('x-answered-by')).toBe('guest');
      expect(res.headers.get('content-length')).toBe('17');
      expect(await res.text()).toBe('answered by guest');
      expect(downstreamRuns).toBe(0);
    });

    it('reports pool stats, then refuses requests once closed', async () => {
      expect(app.middleware.stats().created).toBeGreaterThanOrEqual(1);
      await app.middleware.close();
      const res = await fetch(`${app.url}/`);
      expect(res.status).toBe(503);
      expect(res.headers.get('retry-after')).toBe('1');
      expect(downstreamRuns).toBe(0);
    });
  });
}
