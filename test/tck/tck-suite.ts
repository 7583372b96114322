/**
 * The TCK as a suite, written once: a target only boots its app with the TCK guest in front of the
 * TCK backend, and the runner does the rest over real HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestRef, TCK_GUEST } from '../harness/guests.js';
import type { AppUnderTest, Target } from '../harness/types.js';
import { formatTckFailures, runTck, tckCases } from './run-tck.js';

export function describeTck(target: Target): void {
  describe(`http-wasm TCK on ${target.name}`, () => {
    let app: AppUnderTest | undefined;

    beforeAll(async () => {
      app = await target.start(guestRef(TCK_GUEST), 'tck');
    }, 20_000);

    afterAll(async () => {
      await app?.close();
    });

    it(`passes all ${tckCases.length} cases`, async () => {
      const results = await runTck(app!.url);
      const passed = results.filter((r) => r.pass).length;
      expect(passed, formatTckFailures(results)).toBe(35);
    }, 30_000);

    it('passes them all with every case in flight at once', async () => {
      // Behind a backend that answers late, overlapping requests each hold a guest instance:
      // state must not leak between instances or between a request and the next on one instance.
      const slow = await target.start(guestRef(TCK_GUEST), 'tck-delayed');
      try {
        const results = await runTck(slow.url, { concurrency: tckCases.length });
        const passed = results.filter((r) => r.pass).length;
        expect(passed, formatTckFailures(results)).toBe(35);
      } finally {
        await slow.close();
      }
    }, 30_000);
  });
}
