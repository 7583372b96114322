/**
 * The conformance suite, written once: every case runs over real HTTP against a target booted by
 * its harness, with the conformance guests (guests/conformance) in front of harness backends.
 * Targets differ only where capabilities.ts says so.
 */
import { afterAll, describe } from 'vitest';
import type { Target } from '../harness/types.js';
import { closeSharedApps } from './app.js';
import { describeBadArguments } from './bad-arguments.js';
import { describeBodies } from './bodies.js';
import { describeCtxNext } from './ctx-next.js';
import { describeHeaders } from './headers.js';
import { describeInit } from './init.js';
import { describeNextRules } from './next-rules.js';
import { describePassthrough } from './passthrough.js';
import { describePool } from './pool.js';
import { describeRequestLine } from './request-line.js';
import { describeResponseRewrite } from './response-rewrite.js';
import { describeSetupAndLogging } from './setup-and-logging.js';
import { describeStatus } from './status.js';
import { describeTrailers } from './trailers.js';
import { describeTraps } from './traps.js';

export function describeConformance(target: Target): void {
  describe(`http-wasm conformance on ${target.name}`, () => {
    afterAll(() => closeSharedApps(target), 20_000);
    describePassthrough(target);
    describeRequestLine(target);
    describeHeaders(target);
    describeSetupAndLogging(target);
    describeStatus(target);
    describeBodies(target);
    describeCtxNext(target);
    describeNextRules(target);
    describeResponseRewrite(target);
    describeTraps(target);
    describeBadArguments(target);
    describeTrailers(target);
    describeInit(target);
    describePool(target);
  });
}
