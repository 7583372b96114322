/**
 * Every http_handler host function, fuzzed one call at a time with arguments a broken guest would
 * pass, before next and after it (with and without buffering), through `createMiddleware().handle`.
 * Each case is held to the model (host-model.ts): a call the ABI refuses traps the guest and the
 * request ends as a generic 500 (or an abort once the response is out); a call it allows returns
 * what the model says. After every case the invariants hold and a control request sees a clean
 * slate. `DAPR_WASM_FUZZ_SCALE=10` runs ten times as many cases.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WasmMiddleware } from '@dapr-wasm/core';
import {
  decodeReport, encodeScript, HOST_FUNCTIONS, next, report, call, type Call, type HostFunction,
} from '../../../../test/faults/script.js';
import { anyI32, argsFor, downstreamSpec, requestSpec, sourceAddrOf } from './arbitraries.js';
import { downstreamStatus, predict, type CallSite } from './host-model.js';
import { exchange, expectCleanNextRequest, expectInvariants, trapped } from './invariants.js';
import { GUEST_CONFIG, requestLines, scriptedMiddleware, type DownstreamSpec, type RequestSpec } from './scripted-middleware.js';
import { fuzzRuns } from './runs.js';

export const RUNS_PER_FUNCTION = fuzzRuns(3000);

interface Case {
  readonly args: number[];
  readonly phase: 'request' | 'response';
  /** enable_features(preface) before anything else, or none. */
  readonly preface: number | undefined;
  readonly ctx: number;
  readonly nextFlag: number;
  readonly request: RequestSpec;
  readonly downstream: DownstreamSpec;
}

function caseFor(fn: HostFunction): fc.Arbitrary<Case> {
  return fc.record({
    args: argsFor(fn),
    phase: fc.constantFrom('request' as const, 'response' as const),
    preface: fc.option(fc.oneof(fc.integer({ min: 0, max: 3 }), anyI32), { nil: undefined }),
    ctx: anyI32,
    // Any value whose low 32 bits are not all zero means "next".
    nextFlag: fc.oneof(fc.constant(1), anyI32.filter((n) => n !== 0)),
    request: requestSpec,
    downstream: downstreamSpec,
  });
}

async function runCase(mw: WasmMiddleware, fn: HostFunction, c: Case): Promise<void> {
  const featuresAtCall = c.preface === undefined ? 0 : (c.preface >>> 0) & 3;
  const calls: Call[] = c.preface === undefined ? [] : [call('enable_features', c.preface)];
  if (c.phase === 'response') calls.push(next(c.ctx, c.nextFlag));
  calls.push(call(fn, ...c.args));

  const siteFor = (script: string): CallSite => ({
    phase: c.phase, features: featuresAtCall, request: c.request, requestLines: requestLines(script, c.request),
    downstream: c.downstream, guestConfig: GUEST_CONFIG, sourceAddr: sourceAddrOf(c.request),
  });
  // Report what the call returned where the rules let the guest write the response body. The
  // script is itself a request header the call may read, so the verdict is for the script sent.
  const reporting = encodeScript([...calls, report()]);
  const plain = encodeScript(calls);
  let verdict = predict(fn, c.args, siteFor(reporting));
  const reported = verdict.trap === false && (c.phase === 'request' || (verdict.features & 2) !== 0);
  if (!reported) verdict = predict(fn, c.args, siteFor(plain));
  const x = await exchange(mw, reported ? reporting : plain, c.request, c.downstream);
  expectInvariants(x);

  const trap = trapped(x.outcome);
  if (verdict.trap === true) {
    expect(trap?.phase, `${fn}(${c.args.join(', ')}) must trap in ${c.phase}`).toBe(c.phase === 'request' ? 'handle_request' : 'handle_response');
    expect((trap?.cause as Error).name).toBe('HostTrap');
    expect(x.outcome.kind).toBe(c.phase === 'request' || featuresAtCall & 2 ? 'fail' : 'abort');
  } else if (verdict.trap === false) {
    expect(trap, `${fn}(${c.args.join(', ')}) must not trap in ${c.phase}: ${trap?.message}`).toBeUndefined();
    if (reported) expectAnswer(fn, c, verdict.result, featuresAtCall, x.outcome);
  }
}

/** The answer to a call the rules allow: the report carries the call's result. */
function expectAnswer(fn: HostFunction, c: Case, result: bigint, featuresAtCall: number, outcome: import('@dapr-wasm/core').Outcome): void {
  const buffered = c.phase === 'request' || (featuresAtCall & 2) !== 0;
  if (!buffered) {
    expect(outcome.kind).toBe(c.downstream.fails === 'no' ? 'sent' : 'fail');
    return;
  }
  expect(outcome.kind).toBe('respond');
  if (outcome.kind !== 'respond') return;
  const recorded = (c.preface === undefined ? 0 : 1) + 1;
  // A write_body before the report leaves its bytes first: the report is the tail.
  const got = decodeReport(outcome.body.subarray(outcome.body.length - (16 + 8 * recorded)));
  expect(got.results.at(-1), `${fn}(${c.args.join(', ')}) result`).toBe(result);
  if (c.preface !== undefined) expect(got.results[0]).toBe(BigInt(featuresAtCall));
  const setStatus = fn === 'set_status_code' ? c.args[0] : undefined;
  if (c.phase === 'request') {
    expect(got.ctx, 'handle_response has not run').toBe(-1);
    expect(outcome.status).toBe(setStatus ?? 200);
    return;
  }
  expect(got.ctx, 'handle_response gets the ctx from the high 32 bits').toBe(c.ctx | 0);
  expect(got.isError).toBe(c.downstream.fails === 'no' ? 0 : 1);
  expect(outcome.status).toBe(setStatus ?? downstreamStatus({ downstream: c.downstream } as CallSite));
}

describe('host functions under fuzzing (createMiddleware().handle, synthetic requests)', () => {
  let mw: WasmMiddleware;
  beforeAll(async () => {
    mw = await scriptedMiddleware();
  });
  afterAll(() => mw?.close());

  it('the guest\'s dictionary is what the model assumes', async () => {
    const { dictionaryBytes, DICT_START, DICT_END } = await import('../../../../test/faults/script.js');
    const script = encodeScript([call('write_body', 1, DICT_START, DICT_END - DICT_START)]);
    const request: RequestSpec = { method: 'GET', uri: '/', protocol: 'HTTP/1.1', headers: [], body: undefined, remoteAddress: undefined, remotePort: undefined };
    const x = await exchange(mw, script, request, { status: 200, headers: [], body: new Uint8Array(0), fails: 'no' });
    expect(x.outcome.kind).toBe('respond');
    if (x.outcome.kind === 'respond') expect(x.outcome.body).toEqual(dictionaryBytes());
  });

  for (const fn of HOST_FUNCTIONS) {
    it(`${fn}: traps exactly where the ABI refuses, answers as it says elsewhere, and never throws (${RUNS_PER_FUNCTION} cases)`, async () => {
      await fc.assert(
        fc.asyncProperty(caseFor(fn), async (c) => {
          await runCase(mw, fn, c);
          await expectCleanNextRequest(mw);
        }),
        { numRuns: RUNS_PER_FUNCTION },
      );
      expect(mw.stats()).toMatchObject({ inUse: 0, waiting: 0 });
    }, 120_000);
  }
});
