/** get_status_code and set_status_code before next: the guest's own answer. */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask } from './ask.js';
import { casesFor } from './case.js';
import { INSPECT_GUEST, MUTATE_GUEST } from './guests.js';

export function describeStatus(target: Target): void {
  describe('status code', () => {
    const inspect = appFor(target, INSPECT_GUEST, 'echo');
    const mutate = appFor(target, MUTATE_GUEST, 'silent');
    const it = casesFor(target);

    it('get_status_code/default', 'is 200 before anything set it', async () => {
      const { answer, report } = await ask(inspect().url, 'get_status_code');
      expect(answer.status).toBe(200);
      expect(report.status).toBe('200');
    });

    it('set_status_code/guest-answer', 'sets the status of the guest\'s own answer', async () => {
      for (const status of [201, 302, 418, 503, 599]) {
        const { answer, report } = await ask(inspect().url, 'set_status_code', { headers: [['x-status', String(status)]] });
        expect(answer.status).toBe(status);
        expect(report.status).toBe(String(status));
      }
    });

    it('set_status_code/before-next', 'a status set before next stands when the app sets none', async () => {
      const { answer } = await ask(mutate().url, 'set_status_code', { headers: [['x-status', '202']] });
      expect(answer.status).toBe(202);
    });
  });
}
