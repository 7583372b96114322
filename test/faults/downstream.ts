/**
 * The app behind the guest throws. The framework's own error handling answers (500); the guest saw
 * the failure (handle_response with isError=1, where the adapter can tell) and its instance is
 * healthy: nothing is discarded and the next request is served.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import type { FaultCase } from './fault-case.js';
import { call, next } from './script.js';
import { countersOf, expectRecovered, run, type scriptedApp } from './scripted-app.js';

const BUFFER_RESPONSE = 2;
const THROW = { 'x-backend-throw': 'the route failed' };

export function describeDownstream(_target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  describe('downstream', () => {
    it('downstream/throws', 'a throwing handler behind the guest: the framework answers 500, no instance discarded', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [next()], { headers: THROW });
      expect(answer.status).toBe(500);
      await expectRecovered(app(), before, 0);
    });

    it('downstream/throws-buffered', 'the same behind a guest buffering the response: 500, no instance discarded', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('enable_features', BUFFER_RESPONSE), next()], { headers: THROW });
      expect(answer.status).toBe(500);
      await expectRecovered(app(), before, 0);
    });
  });
}
