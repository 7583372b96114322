/**
 * Guest traps in each phase. The host answers as the core defines: a 500 with a generic body (the
 * guest's text goes to the logger only), nothing the guest set before trapping leaks out, the
 * trapped instance is thrown away, and the next request is served.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor, type ObservedApp } from './app.js';
import { ask, echoed } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { capturingLogger } from './capture-logger.js';
import { INSPECT_GUEST, PHASES_GUEST } from './guests.js';
import { expectLateTrapAnswer, GENERIC_500 } from './next-rules.js';

async function expectServed(app: ObservedApp): Promise<void> {
  const { answer } = await ask(app.url, 'features_scope', { method: 'POST', body: 'x', target: '/after/the/trap' });
  expect(answer.status, 'the next request is served').toBe(200);
  expect(echoed(answer).uri).toBe('/after/the/trap');
}

export function describeTraps(target: Target): void {
  describe('traps', () => {
    const caps = capabilitiesOf(target.name);
    // Where only JSON options reach the app there is no logger to read: the answers must do.
    const logger = caps.jsonOptionsOnly ? undefined : capturingLogger(0);
    const app = appFor(target, PHASES_GUEST, 'echo', { adapterOptions: logger ? { logger } : {} });
    const logged = (phase: string) => logger?.waitFor((e) => e.level === 2 && e.message.includes(phase));
    const inspect = appFor(target, INSPECT_GUEST, 'echo');
    const it = casesFor(target);
    const trap = (phase: string, features: string) =>
      ask(app().url, 'trap', { method: 'POST', body: 'x', headers: [['x-phase', phase], ['x-enable', features]] });

    it('trap/handle_request', 'a trap in handle_request answers a generic 500; nothing the guest set leaks', async () => {
      logger?.clear();
      const before = app().stats?.();
      const { answer } = await trap('handle_request', '0');
      expect(answer.status).toBe(500);
      expect(answer.body).toBe(GENERIC_500);
      expect(answer.header('x-guest-secret')).toBeUndefined();
      const entry = await logged('handle_request');
      if (entry) expect(entry.message).toMatch(/unreachable/i);
      const after = app().stats?.();
      if (before && after) {
        expect(after.discarded, 'the trapped instance is discarded').toBe(before.discarded + 1);
        expect(after.inUse).toBe(0);
      }
      await expectServed(app());
    });

    it('trap/handle_response-buffered', 'a trap in handle_response with buffer_response answers a generic 500', async () => {
      logger?.clear();
      const { answer } = await trap('handle_response', '2');
      expect(answer.status).toBe(500);
      expect(answer.body).toBe(GENERIC_500);
      await logged('handle_response');
      await expectServed(app());
    });

    it('trap/handle_response-unbuffered', 'a trap in handle_response without buffer_response is logged; the server lives on', async () => {
      logger?.clear();
      const { answer } = await trap('handle_response', '0');
      expectLateTrapAnswer(answer, caps.sentBeforeHandleResponse);
      await logged('handle_response');
      await expectServed(app());
    });

    it('trap/repeated', 'many trapping requests in a row leave the pool serving', async () => {
      for (let i = 0; i < 20; i++) expect((await trap('handle_request', '0')).answer.status).toBe(500);
      await expectServed(app());
      const stats = app().stats?.();
      if (stats) expect(stats.inUse).toBe(0);
    });

    it('set_status_code/invalid', 'a status outside 100-999 traps (500), as the reference host panics', async () => {
      for (const status of ['99', '1000', '0']) {
        const { answer } = await ask(inspect().url, 'set_status_code', { headers: [['x-status', status]] });
        expect(answer.status, status).toBe(500);
        expect(answer.body).toBe(GENERIC_500);
      }
    });
  });
}
