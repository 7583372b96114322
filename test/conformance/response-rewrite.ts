/**
 * buffer_response: the app's response is held for handle_response, which may read and rewrite its
 * status, headers and body; a held response the guest leaves alone goes out as the app made it.
 * Features enabled in handle_request apply to that request only.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask, echoed, expectResponseLines } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { PHASES_GUEST } from './guests.js';
import type { FieldLine } from './http-client.js';

const scripted: FieldLine[] = [
  ['x-backend-status', '201'],
  ['x-backend-header-1', 'X-Backend-Custom: 1'],
  ['x-backend-header-2', 'x-backend-kept: yes'],
];

export function describeResponseRewrite(target: Target): void {
  describe('buffer_response', () => {
    const app = appFor(target, PHASES_GUEST, 'echo');
    const it = casesFor(target);

    it('buffer_response/rewrite', 'handle_response reads the held response and rewrites status, headers and body', async () => {
      const { answer } = await ask(app().url, 'rewrite', { headers: scripted });
      expect(answer.status).toBe(203);
      expect(answer.header('x-original-status')).toBe('201');
      expect(answer.header('x-rewritten')).toBe('1');
      expect(answer.header('x-backend-custom')).toBeUndefined();
      expect(answer.header('x-backend-kept')).toBe('yes');
      expect(answer.body.startsWith('rewritten:')).toBe(true);
      const original = answer.body.slice('rewritten:'.length);
      expect(answer.header('x-original-length')).toBe(String(original.length));
      expect(JSON.parse(Buffer.from(original, 'latin1').toString('utf8')).method).toBe('GET');
      expect(answer.header('content-length')).toBe(String(answer.body.length));
    });

    it('buffer_response/empty-body', 'a zero-length first write empties the body', async () => {
      const { answer } = await ask(app().url, 'rewrite_empty', { headers: scripted });
      expect(answer.status).toBe(203);
      expect(answer.body).toBe('');
      expect(answer.header('content-length') ?? '0').toBe('0');
    });

    it('buffer_response/chunked-downstream', 'a response the app writes in pieces is held whole', async () => {
      const { answer } = await ask(app().url, 'rewrite', { headers: [...scripted, ['x-backend-chunks', '4']] });
      const original = answer.body.slice('rewritten:'.length);
      expect(answer.header('x-original-length')).toBe(String(original.length));
      expect(JSON.parse(Buffer.from(original, 'latin1').toString('utf8')).method).toBe('GET');
    });

    it('buffer_response/untouched', 'a held response the guest does not change goes out as the app made it', async () => {
      const twoLines: FieldLine[] = [['x-backend-header-3', 'x-multi: 1'], ['x-backend-header-4', 'x-multi: 2, 3']];
      const { answer } = await ask(app().url, 'features_scope', { headers: [...scripted, ...twoLines, ['x-enable', '2']] });
      expect(answer.status).toBe(201);
      expect(answer.header('x-buffered')).toBe('1');
      expect(answer.header('x-backend-custom')).toBe('1');
      expectResponseLines(answer, 'x-multi', ['1', '2, 3'], capabilitiesOf(target.name).distinctResponseLines);
      expect(echoed(answer).method).toBe('GET');
      expect(answer.header('content-length')).toBe(String(answer.body.length));
    });

    it('buffer_response/per-request', 'buffer_response enabled in handle_request holds only that request\'s response', async () => {
      const buffered = await ask(app().url, 'features_scope', { headers: [['x-enable', '2']] });
      expect(buffered.answer.header('x-features')).toBe('2');
      expect(buffered.answer.header('x-buffered')).toBe('1');
      const plain = await ask(app().url, 'features_scope');
      expect(plain.answer.header('x-features')).toBe('0');
      expect(plain.answer.header('x-buffered')).toBeUndefined();
      expect(echoed(plain.answer).method).toBe('GET');
    });
  });
}
