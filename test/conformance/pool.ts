/**
 * Instances under concurrency. A request holds its instance from handle_request across the awaited
 * app to handle_response, so overlapping requests each need one: the guest keeps per-request state
 * in memory and checks it in handle_response through ctx, and nothing may cross between requests.
 * Afterwards every instance is back in the pool; beyond poolSize and maxWaiting requests get 503.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { withApp, type ObservedApp } from './app.js';
import { ask } from './ask.js';
import { abandon } from './http-client.js';
import { casesFor } from './case.js';
import { PHASES_GUEST } from './guests.js';

function pinned(app: ObservedApp, token: string, delayMs: number) {
  return ask(app.url, 'pin', { headers: [['x-token', token], ['x-backend-delay-ms', String(delayMs)]] });
}

export function describePool(target: Target): void {
  describe('pool', () => {
    const it = casesFor(target);

    it('pool/pinning', 'overlapping requests keep their own instance and state across a slow app', async () => {
      await withApp(target, PHASES_GUEST, 'echo', { adapterOptions: { poolSize: 16 } }, async (app) => {
        for (const burst of [1, 2]) {
          const tokens = Array.from({ length: 12 }, (_, i) => `burst-${burst}-request-${i}-${'z'.repeat(i * 5)}`);
          const results = await Promise.all(tokens.map((t, i) => pinned(app, t, 100 + (i % 3) * 20)));
          for (const [i, { answer }] of results.entries()) {
            expect(answer.status).toBe(200);
            expect(answer.header('x-token-seen'), 'the instance still holds this request\'s state').toBe(tokens[i]);
            expect(answer.header('x-ctx-matches'), 'ctx names the request the instance served last').toBe('1');
          }
        }
        const stats = app.stats?.();
        if (stats) {
          expect(stats.inUse, 'nothing in use afterwards').toBe(0);
          expect(stats.waiting).toBe(0);
          expect(stats.idle).toBe(stats.size);
          // How many overlapped depends on scheduling; that several did, and that no request ever
          // shared an instance mid-flight (the checks above), does not.
          expect(stats.created, 'overlapping requests had instances of their own').toBeGreaterThanOrEqual(2);
          expect(stats.created, 'never more than poolSize').toBeLessThanOrEqual(16);
          expect(stats.discarded).toBe(0);
        }
      });
    });

    it('pool/overflow', 'beyond poolSize and maxWaiting requests get 503 with Retry-After; the rest are served', async () => {
      const adapterOptions = { poolSize: 2, maxWaiting: 1, acquireTimeoutMs: 5000 };
      await withApp(target, PHASES_GUEST, 'echo', { adapterOptions }, async (app) => {
        const results = await Promise.all(Array.from({ length: 5 }, (_, i) => pinned(app, `t${i}`, 150)));
        const statuses = results.map((r) => r.answer.status).sort();
        expect(statuses).toEqual([200, 200, 200, 503, 503]);
        for (const { answer } of results.filter((r) => r.answer.status === 503)) {
          expect(answer.header('retry-after')).toBeDefined();
        }
        for (const { answer } of results.filter((r) => r.answer.status === 200)) {
          expect(answer.header('x-ctx-matches')).toBe('1');
        }
        expect((await pinned(app, 'after', 0)).answer.status, 'served once the burst is over').toBe(200);
        const stats = app.stats?.();
        if (stats) expect(stats).toMatchObject({ inUse: 0, waiting: 0, rejected: 2, discarded: 0 });
      });
    });

    it('pool/acquire-timeout', 'a request that waits longer than acquireTimeoutMs gets 503', async () => {
      const adapterOptions = { poolSize: 1, maxWaiting: 4, acquireTimeoutMs: 50 };
      await withApp(target, PHASES_GUEST, 'echo', { adapterOptions }, async (app) => {
        const slow = pinned(app, 'holder', 300);
        await new Promise((resolve) => setTimeout(resolve, 30));
        const waiter = await pinned(app, 'waiter', 0);
        expect(waiter.answer.status).toBe(503);
        expect((await slow).answer.status).toBe(200);
        expect((await pinned(app, 'after', 0)).answer.status).toBe(200);
      });
    });

    it('pool/client-abort', 'a client that hangs up mid-request gives its instance back', async () => {
      // One instance and no queue: any request that kept it would turn the next one into a 503.
      const adapterOptions = { poolSize: 1, maxWaiting: 0 };
      await withApp(target, PHASES_GUEST, 'echo', { adapterOptions }, async (app) => {
        for (const [caseName, features] of [['pin', '2'], ['features_scope', '0']] as const) {
          await abandon(app.url, { headers: [['x-case', caseName], ['x-enable', features], ['x-token', 'gone'], ['x-backend-delay-ms', '150']] }, 40);
          // Let the app finish its slow answer into the closed connection.
          await new Promise((resolve) => setTimeout(resolve, 250));
          const next = await pinned(app, `after-${caseName}`, 0);
          expect(next.answer.status, `served after an abandoned ${caseName} request`).toBe(200);
          expect(next.answer.header('x-token-seen')).toBe(`after-${caseName}`);
        }
        const stats = app.stats?.();
        if (stats) expect(stats).toMatchObject({ inUse: 0, waiting: 0 });
      });
    });
  });
}
