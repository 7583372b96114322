/**
 * A guest that never returns, in each phase. The host stops it at its deadline (200 ms here) and
 * answers 504; the instance is discarded. Guest code runs on the app's only thread, so a request
 * that arrives during the runaway waits for it to be stopped and is then served normally.
 */
import { describe, expect } from 'vitest';
import { capabilitiesOf } from '../conformance/capabilities.js';
import type { Target } from '../harness/types.js';
import { ask } from './client.js';
import type { FaultCase } from './fault-case.js';
import { call, next, spin } from './script.js';
import { countersOf, DEADLINE_MS, expectRecovered, run, RUNAWAY_BOUND_MS, type scriptedApp } from './scripted-app.js';

const BUFFER_RESPONSE = 2;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function describeRunaways(target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  const sentBeforeHandleResponse = capabilitiesOf(target.name).sentBeforeHandleResponse === true;

  describe('runaways', () => {
    it('deadline/handle_request', `a loop in handle_request is stopped at the deadline: 504 within ${RUNAWAY_BOUND_MS} ms; a request sent during it is answered after it`, async () => {
      const before = countersOf(app());
      const runaway = run(app(), [spin()]);
      // Half the deadline in: the runaway has the thread by now.
      await pause(DEADLINE_MS / 2);
      const during = ask(app(), { path: '/during' });
      const [stopped, served] = await Promise.all([runaway, during]);
      expect(stopped.status).toBe(504);
      expect(stopped.doneAt - stopped.sentAt).toBeLessThan(RUNAWAY_BOUND_MS);
      expect(stopped.doneAt - stopped.sentAt, 'it ran until the deadline').toBeGreaterThanOrEqual(DEADLINE_MS);
      expect(served.status, 'the request sent during the runaway is served').toBe(200);
      expect(JSON.parse(served.text).uri).toBe('/during');
      expect(served.doneAt - stopped.sentAt, 'answered only once the runaway was stopped').toBeGreaterThanOrEqual(DEADLINE_MS);
      await expectRecovered(app(), before, 1);
    });

    it('deadline/handle_response', 'a loop in handle_response (buffer_response) is stopped at the deadline: 504', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('enable_features', BUFFER_RESPONSE), next(), spin()]);
      expect(answer.status).toBe(504);
      expect(answer.doneAt - answer.sentAt).toBeLessThan(RUNAWAY_BOUND_MS);
      await expectRecovered(app(), before, 1);
    });

    it('deadline/handle_response-unbuffered', 'a loop in handle_response without buffer_response is stopped: 504, or the app\'s answer where it was already sent', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [next(), spin()]);
      expect(answer.status).toBe(sentBeforeHandleResponse ? 200 : 504);
      expect(answer.doneAt - answer.sentAt).toBeLessThan(RUNAWAY_BOUND_MS);
      await expectRecovered(app(), before, 1);
    });

    it('deadline/repeated', 'ten runaways in a row each end in 504, and the app still serves', async () => {
      const before = countersOf(app());
      for (let i = 0; i < 10; i++) expect((await run(app(), [spin()])).status).toBe(504);
      await expectRecovered(app(), before, 10);
    }, 60_000);
  });
}
