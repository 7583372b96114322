/**
 * A guest that cannot be instantiated: `_start` traps, the start section traps, or `_start` never
 * returns (stopped by the host's initialisation budget, `initDeadlineMs`). The app
 * fails to start (`ready` rejects with a GuestInstantiateError naming the culprit), never on a user
 * request. For an app that serves anyway, see creation-adapters.test.ts.
 */
import { describe, expect } from 'vitest';
import { GuestInstantiateError } from '@dapr-wasm/core';
import type { Target } from '../harness/types.js';
import { bootApp } from './client.js';
import type { FaultCase } from './fault-case.js';
import { SCRIPTED_OPTIONS } from './scripted-app.js';

/** The initialisation budget the spin case sets, and the bound it must be stopped within (generous slack). */
const INIT_DEADLINE_MS = 500;
const START_SPIN_BOUND_MS = 10_000;

async function startFailure(target: Target, guest: string, options = SCRIPTED_OPTIONS): Promise<{ error: unknown; ms: number }> {
  const started = performance.now();
  const error = await bootApp(target, guest, 'echo', options).then(
    async (app) => {
      await app.close();
      return undefined;
    },
    (e: unknown) => e,
  );
  return { error, ms: performance.now() - started };
}

/** In the test process the error itself arrives; from another runtime, its text in the runtime's output. */
function expectInstantiateError(error: unknown, culprit: string): void {
  expect(error, 'the app did not start').toBeInstanceOf(Error);
  if (error instanceof GuestInstantiateError) {
    expect(error.culprit).toBe(culprit);
    expect(error.phase).toBe('instantiate');
  } else {
    expect((error as Error).message).toMatch(/GuestInstantiateError|failed in|start function/);
  }
  expect((error as Error).message).toContain(culprit);
}

export function describeCreation(target: Target, it: FaultCase): void {
  describe('creation', () => {
    it('creation/_start-trap', 'a trap in _start fails the start naming _start', async () => {
      const { error } = await startFailure(target, 'guests/hostile/start-trap.wasm');
      expectInstantiateError(error, '_start');
    });

    it('creation/start-section-trap', 'a trap in the start section fails the start naming the start function', async () => {
      const { error } = await startFailure(target, 'guests/hostile/start-section-trap.wasm');
      expectInstantiateError(error, 'start function');
    });

    it('creation/_start-spin', `a loop in _start is stopped by the initialisation budget: the start fails within ${START_SPIN_BOUND_MS} ms naming _start`, async () => {
      const { error, ms } = await startFailure(target, 'guests/hostile/start-spin.wasm', {
        ...SCRIPTED_OPTIONS,
        adapterOptions: { ...SCRIPTED_OPTIONS.adapterOptions, initDeadlineMs: INIT_DEADLINE_MS },
      });
      expectInstantiateError(error, '_start');
      expect((error as Error).message).toMatch(/deadline/);
      expect(ms).toBeLessThan(START_SPIN_BOUND_MS);
    }, 30_000);
  });
}
