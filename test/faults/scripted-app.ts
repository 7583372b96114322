/**
 * The app most fault cases share on a target: the scripted hostile guest (guests/hostile) with a
 * 200 ms deadline, in front of the echo backend. A case sends its fault as a script; afterwards the
 * app must answer an ordinary request, and its pool must be back at rest with exactly the trapped
 * instances discarded (where the counters can be seen). The pool holds one instance, so an
 * instance a fault left in use shows as a 503 on the next request even where the counters cannot
 * be seen (an app in Bun, Deno or workerd).
 */
import { afterAll, beforeAll, expect } from 'vitest';
import type { PoolStats } from '@dapr-wasm/core';
import type { StartOptions, Target } from '../harness/types.js';
import { ask, bootApp, settledStats, type Answer, type Ask, type FaultApp } from './client.js';
import { encodeScript, SCRIPT_HEADER, SCRIPTED_GUEST, type Call } from './script.js';

export const DEADLINE_MS = 200;
/** Generous: a runaway stopped at 200 ms must be answered well within this on 2 noisy cores. */
export const RUNAWAY_BOUND_MS = 5000;
export const GENERIC_500 = 'Internal Server Error\n';

/** Long enough for a new instance on a busy machine, short enough that a leak fails quickly. */
export const ACQUIRE_TIMEOUT_MS = 3000;

export const SCRIPTED_OPTIONS: StartOptions = {
  adapterOptions: { deadlineMs: DEADLINE_MS, poolSize: 1, acquireTimeoutMs: ACQUIRE_TIMEOUT_MS },
};

/** The shared app for the enclosing describe block; call the getter inside cases. */
export function scriptedApp(target: Target, options: StartOptions = SCRIPTED_OPTIONS): () => FaultApp {
  let app: FaultApp | undefined;
  beforeAll(async () => {
    app = await bootApp(target, SCRIPTED_GUEST, 'echo', options);
  }, 30_000);
  afterAll(() => app?.close(), 30_000);
  return () => {
    if (!app) throw new Error('the app did not start (see the beforeAll failure)');
    return app;
  };
}

/** Sends a request whose guest runs `calls`. */
export function run(app: FaultApp, calls: readonly Call[], q: Ask = {}): Promise<Answer> {
  return ask(app, { ...q, headers: { ...q.headers, [SCRIPT_HEADER]: encodeScript(calls) } });
}

/** An ordinary request (no script: the guest passes it on) is answered by the app. */
export async function expectServed(app: FaultApp): Promise<void> {
  const answer = await ask(app, { path: '/still/serving?after=fault' });
  expect(answer.status, 'the next request is served').toBe(200);
  expect(JSON.parse(answer.text).uri).toBe('/still/serving?after=fault');
}

/** Counters before a fault, to compare with after it; undefined where they cannot be seen. */
export function countersOf(app: FaultApp): PoolStats | undefined {
  return app.stats?.();
}

/** The next request is served and the pool is at rest, with `discarded` more instances thrown away. */
export async function expectRecovered(app: FaultApp, before: PoolStats | undefined, discarded: number): Promise<void> {
  const after = await settledStats(app);
  if (before && after) {
    expect(after.inUse, 'no instance left in use').toBe(0);
    expect(after.waiting, 'nothing left waiting').toBe(0);
    expect(after.discarded - before.discarded, 'instances discarded by the fault').toBe(discarded);
  }
  await expectServed(app);
}
