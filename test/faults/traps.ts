/**
 * A guest that traps, in each phase. The answer is a 500 with a generic body (the guest's text goes
 * to the logger only), the trapped instance is thrown away, and the app serves the next request.
 * Without buffer_response a node:http app has sent its answer before handle_response runs, so
 * there the app's answer stands and the trap can only be logged.
 */
import { describe, expect } from 'vitest';
import { capabilitiesOf } from '../conformance/capabilities.js';
import type { Target } from '../harness/types.js';
import type { FaultCase } from './fault-case.js';
import { call, next, ref, trap } from './script.js';
import { countersOf, expectRecovered, GENERIC_500, run, type scriptedApp } from './scripted-app.js';

const BUFFER_RESPONSE = 2;

export function describeTraps(target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  const sentBeforeHandleResponse = capabilitiesOf(target.name).sentBeforeHandleResponse === true;

  describe('traps', () => {
    it('trap/handle_request', 'a trap in handle_request answers a generic 500 and discards the instance', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('set_header_value', 1, ...ref('ok'), ...ref('fine')), trap()]);
      expect(answer.status).toBe(500);
      expect(answer.text).toBe(GENERIC_500);
      expect(answer.headers['x-ok'], 'nothing the guest set before trapping leaks').toBeUndefined();
      await expectRecovered(app(), before, 1);
    });

    it('trap/handle_response-buffered', 'a trap in handle_response with buffer_response answers a generic 500', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('enable_features', BUFFER_RESPONSE), next(), trap()]);
      expect(answer.status).toBe(500);
      expect(answer.text).toBe(GENERIC_500);
      await expectRecovered(app(), before, 1);
    });

    it('trap/handle_response-unbuffered', 'a trap in handle_response without buffer_response: 500, or the app\'s answer where it was already sent', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [next(), trap()], { path: '/unbuffered' });
      if (sentBeforeHandleResponse) {
        expect(answer.status, 'the app answered before handle_response ran').toBe(200);
        expect(JSON.parse(answer.text).uri).toBe('/unbuffered');
      } else {
        expect(answer.status).toBe(500);
        expect(answer.text).toBe(GENERIC_500);
      }
      await expectRecovered(app(), before, 1);
    });
  });
}
