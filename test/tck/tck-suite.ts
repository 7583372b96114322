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
  });
}
