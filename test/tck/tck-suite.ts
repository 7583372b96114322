/**
 * The TCK as a suite, written once: a target only boots its app with the TCK guest in front of the
 * TCK backend, and the runner does the rest over real HTTP, in the HTTP version the target speaks.
 * Cases a target answers differently for a documented reason (documented-differences.ts) must
 * answer exactly as documented; every other case must pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { capabilitiesOf } from '../harness/capabilities.js';
import { guestRef, TCK_GUEST } from '../harness/guests.js';
import type { AppUnderTest, Target } from '../harness/types.js';
import { documentedDifferences, type DocumentedDifference } from './documented-differences.js';
import { formatTckFailures, runTck, tckCases, type TckOptions, type TckResult } from './run-tck.js';

/** HTTP/2 targets are reached over TLS; their launcher hands back the certificate to trust. */
function transportFor(target: Target, app: AppUnderTest): TckOptions {
  if (capabilitiesOf(target.name).wire !== 'h2') return {};
  return { http2: { ca: (app as AppUnderTest & { ca?: string }).ca } };
}

function answersAsDocumented(result: TckResult, difference: DocumentedDifference): boolean {
  return result.status === 500 && result.reasons.length === 1 && result.reasons[0] === `assertion failed: ${difference.failure}`;
}

/** Every case passes, or answers exactly as its documented difference says. */
function expectTckResults(results: readonly TckResult[], differences: readonly DocumentedDifference[]): void {
  const documented = new Map(differences.map((d) => [d.id, d]));
  const wrong = results.filter((r) => {
    const difference = documented.get(r.id);
    return difference ? !answersAsDocumented(r, difference) : !r.pass;
  });
  const explain = wrong.map((r) => {
    const difference = documented.get(r.id);
    if (!difference) return '';
    return `\n  ${r.id} should answer as documented (${difference.why}): x-httpwasm-tck-failed "${difference.failure}"; it ${r.pass ? 'passed: remove the difference' : `answered ${r.reasons.join('; ')}`}`;
  });
  expect(wrong.map((r) => r.id), formatTckFailures(results.filter((r) => !documented.has(r.id))) + explain.join('')).toEqual([]);
}

export function describeTck(target: Target): void {
  const differences = documentedDifferences(capabilitiesOf(target.name));
  const passing = tckCases.length - differences.length;
  const title = differences.length === 0
    ? `passes all ${tckCases.length} cases`
    : `passes ${passing} cases, and answers ${differences.map((d) => d.id).join(', ')} as documented`;

  describe(`http-wasm TCK on ${target.name}`, () => {
    let app: AppUnderTest | undefined;

    beforeAll(async () => {
      app = await target.start(guestRef(TCK_GUEST), 'tck');
    }, 20_000);

    afterAll(async () => {
      await app?.close();
    });

    it(title, async () => {
      expectTckResults(await runTck(app!.url, transportFor(target, app!)), differences);
    }, 30_000);

    it('does so with every case in flight at once', async () => {
      // Behind a backend that answers late, overlapping requests each hold a guest instance:
      // state must not leak between instances or between a request and the next on one instance.
      const slow = await target.start(guestRef(TCK_GUEST), 'tck-delayed');
      try {
        expectTckResults(await runTck(slow.url, { ...transportFor(target, slow), concurrency: tckCases.length }), differences);
      } finally {
        await slow.close();
      }
    }, 30_000);
  });
}
