/**
 * Random sequences of host calls and hostile acts, split at random between handle_request and
 * handle_response, with any ctx and next value, memory growth, guest traps and bodies past their
 * chunk, in front of a downstream that may fail. No model here: only what must hold whatever the
 * guest does (invariants.ts), and a clean slate for the request after.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WasmMiddleware } from '@dapr-wasm/core';
import { encodeScript } from '../../../../test/faults/script.js';
import { downstreamSpec, requestSpec, scriptStep } from './arbitraries.js';
import { exchange, expectCleanNextRequest, expectInvariants } from './invariants.js';
import { fuzzRuns } from './runs.js';
import { scriptedMiddleware } from './scripted-middleware.js';

export const SCRIPT_RUNS = fuzzRuns(45_000);

describe('random host-call scripts (createMiddleware().handle, synthetic requests)', () => {
  let mw: WasmMiddleware;
  beforeAll(async () => {
    mw = await scriptedMiddleware();
  });
  afterAll(() => mw?.close());

  it(`any script only ever traps the guest, and the next request sees a clean slate (${SCRIPT_RUNS} cases)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(scriptStep, { minLength: 1, maxLength: 8 }), requestSpec, downstreamSpec, async (calls, request, downstream) => {
        expectInvariants(await exchange(mw, encodeScript(calls), request, downstream));
        await expectCleanNextRequest(mw);
      }),
      { numRuns: SCRIPT_RUNS },
    );
    const stats = mw.stats();
    expect(stats).toMatchObject({ inUse: 0, waiting: 0 });
    expect(stats.discarded, 'traps happened, and each discarded its instance').toBeGreaterThan(0);
  }, 300_000);
});
