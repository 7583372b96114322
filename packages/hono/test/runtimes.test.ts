/**
 * @dapr-wasm/hono over real HTTP on Node, Bun, Deno and workerd: each runtime boots the cases app
 * once per way of mounting the guest, then runs the behaviour suites against them.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { RunningApp } from '../../../test/runtimes/app-contract.js';
import { launchers } from '../../../test/runtimes/launchers.js';
import type { CasesMount } from './fixtures/cases-app.js';
import { CASES_APP, RUNTIMES, serve } from './serve.js';
import { describeGuestAnswers } from './suites/guest-answers.js';
import { describeRewrite } from './suites/rewrite.js';
import { describeSourceAddr } from './suites/source-addr.js';

const MOUNTS: readonly CasesMount[] = ['redispatch', 'middleware', 'fetch', 'stacked'];

describe.each(RUNTIMES)('@dapr-wasm/hono on %s', (runtime) => {
  let apps: Partial<Record<CasesMount, RunningApp>> = {};
  beforeAll(async () => {
    const started = await Promise.allSettled(MOUNTS.map((mount) => serve(runtime, CASES_APP, { mount })));
    apps = Object.fromEntries(started.flatMap((s, i) => (s.status === 'fulfilled' ? [[MOUNTS[i], s.value]] : [])));
    const failed = started.find((s) => s.status === 'rejected');
    if (failed) throw failed.reason;
  }, 60_000);
  afterAll(async () => {
    await Promise.all(Object.values(apps).map((app) => app.close()));
  });
  const running = () => apps as Record<CasesMount, RunningApp>;

  describe('rewrites and routes', () => describeRewrite(running));
  describe('guest answers', () => describeGuestAnswers(running));
  describe('client address', () => describeSourceAddr(running, launchers[runtime].traits.clientPort));
});
