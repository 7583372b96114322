/**
 * handle_request's i64 result: next is the low 32 bits alone, and the high 32 bits are the ctx the
 * host hands to handle_response, unsigned and unchanged. The guest returns whatever `x-ctx-next`
 * asks for and, in handle_response, reports the ctx it got (buffer_response is on).
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask, echoed } from './ask.js';
import { casesFor } from './case.js';
import { PHASES_GUEST } from './guests.js';

export function describeCtxNext(target: Target): void {
  describe('ctx_next', () => {
    const app = appFor(target, PHASES_GUEST, 'echo');
    const it = casesFor(target);
    const returning = (ctxNext: string) => ask(app().url, 'ctx_next', { headers: [['x-ctx-next', ctxNext]] });

    it('ctx_next/zero', 'next=0: the guest\'s answer goes out and handle_response is not called', async () => {
      const { answer } = await returning('0000000000000000');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('answered by the guest');
      expect(answer.header('x-req-ctx')).toBeUndefined();
    });

    it('ctx_next/high-bits-only', 'ctx in the high bits with a zero low word still means next=0', async () => {
      const { answer } = await returning('0000001000000000');
      expect(answer.body).toBe('answered by the guest');
      expect(answer.header('x-req-ctx')).toBeUndefined();
    });

    it('ctx_next/ctx-propagates', 'handle_response gets the high 32 bits as reqCtx, unsigned and unchanged', async () => {
      for (const [ctxNext, reqCtx] of [
        ['0000000100000001', '00000001'],
        ['deadbeef00000001', 'deadbeef'],
        ['8000000000000001', '80000000'],
        ['ffffffff00000001', 'ffffffff'],
      ]) {
        const { answer } = await returning(ctxNext);
        expect(answer.header('x-req-ctx'), ctxNext).toBe(reqCtx);
        expect(answer.header('x-is-error')).toBe('0');
        expect(echoed(answer).method, 'the app ran').toBe('GET');
      }
    });

    it('ctx_next/any-nonzero-low-word', 'any non-zero low word means next, as in the reference host', async () => {
      for (const [ctxNext, reqCtx] of [
        ['0000000200000002', '00000002'],
        ['0000000080000000', '00000000'],
        ['ffffffffffffffff', 'ffffffff'],
      ]) {
        const { answer } = await returning(ctxNext);
        expect(answer.header('x-req-ctx'), ctxNext).toBe(reqCtx);
        expect(echoed(answer).method, 'the app ran').toBe('GET');
      }
    });
  });
}
