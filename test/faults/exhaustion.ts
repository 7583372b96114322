/**
 * A guest that tries to take the host's memory: by growing its own memory without end, or by
 * writing a 100 MB response body. Memory growth stops at maxMemoryBytes (64 MiB by default), the
 * guest traps, and the answer is 500. Guest-written bodies are bounded by maxBodyBytes (10 MiB by
 * default, the same limit as request bodies): the write that crosses it traps the guest, so the
 * defined answer to a 100 MB body is a 500, long before 100 MB is held anywhere.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import type { FaultCase } from './fault-case.js';
import { bigBody, bomb, call, next } from './script.js';
import { countersOf, expectRecovered, GENERIC_500, run, type scriptedApp } from './scripted-app.js';

const MiB = 1024 * 1024;
const BUFFER_RESPONSE = 2;
/** Well past any limit, and still quick: the refusal comes at the write that crosses 10 MiB. */
const BODY_BOUND_MS = 10_000;

export function describeExhaustion(_target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  describe('exhaustion', () => {
    it('memory/bomb', 'a guest growing its memory until refused, then trapping: 500, instance discarded', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [bomb(16)]);
      expect(answer.status).toBe(500);
      expect(answer.text).toBe(GENERIC_500);
      await expectRecovered(app(), before, 1);
    });

    it('memory/bomb-repeated', 'five memory bombs in a row: each 500, each instance discarded', async () => {
      const before = countersOf(app());
      for (let i = 0; i < 5; i++) expect((await run(app(), [bomb(64)])).status).toBe(500);
      await expectRecovered(app(), before, 5);
    });

    it('body/guest-100MB-before-next', 'a guest writing a 100 MB response body (100 writes of 1 MiB) is refused past maxBodyBytes: 500', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [bigBody(100, MiB)]);
      expect(answer.status).toBe(500);
      expect(answer.text).toBe(GENERIC_500);
      expect(answer.doneAt - answer.sentAt).toBeLessThan(BODY_BOUND_MS);
      await expectRecovered(app(), before, 1);
    });

    it('body/guest-100MB-after-next', 'the same 100 MB written in handle_response over a buffered response: 500', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('enable_features', BUFFER_RESPONSE), next(), bigBody(100, MiB)]);
      expect(answer.status).toBe(500);
      expect(answer.text).toBe(GENERIC_500);
      await expectRecovered(app(), before, 1);
    });

    it('body/guest-at-limit', 'a body just under maxBodyBytes (9 writes of 1 MiB) is sent whole: the limit, not the writing, refuses', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [bigBody(9, MiB)]);
      expect(answer.status).toBe(200);
      expect(answer.text.length).toBe(9 * MiB);
      await expectRecovered(app(), before, 0);
    });
  });
}
