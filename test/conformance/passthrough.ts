/**
 * A guest that only returns next=1 must leave the exchange alone: the app sees the method, target,
 * header lines (order and case kept) and body as sent, streamed bodies included, and the client
 * gets the app's status, headers, pieces and trailers as the app sent them.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { echoed, expectResponseLines, requestLines, seenHeader } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { PASSTHROUGH_GUEST } from './guests.js';
import { send, type FieldLine } from './http-client.js';

export function describePassthrough(target: Target): void {
  describe('pass-through', () => {
    const app = appFor(target, PASSTHROUGH_GUEST, 'echo');
    const it = casesFor(target);
    const caps = capabilitiesOf(target.name);

    it('passthrough/request', 'the app sees method, raw target, header lines and body as sent', async () => {
      const body = Buffer.from(Array.from({ length: 70_000 }, (_, i) => i % 251));
      const headers: FieldLine[] = [['X-First', 'one'], ['x-dup', 'a'], ['X-Dup', 'b'], ['x-last', 'z']];
      for (const chunked of [false, true]) {
        const answer = await send(app().url, { method: 'PUT', target: '/p%20q/r?s=%2F&t', headers, body, chunked });
        const seen = echoed(answer);
        expect(seen.method).toBe('PUT');
        expect(seen.uri).toBe('/p%20q/r?s=%2F&t');
        expect(Buffer.from(seen.body, 'latin1').equals(body), `body intact (chunked: ${chunked})`).toBe(true);
        expect(seenHeader(seen, 'x-dup')).toEqual(requestLines(['a', 'b'], caps.distinctRequestLines));
        if (caps.distinctRequestLines && caps.wire !== 'h2') {
          // Where the runtime keeps the lines as sent, names keep their case and lines their order.
          const names = seen.headerLines.map(([n]) => n).filter((n) => /^x-(first|dup|last)$/i.test(n));
          expect(names).toEqual(['X-First', 'x-dup', 'X-Dup', 'x-last']);
        }
      }
    });

    it('passthrough/response', 'the client gets the app\'s status, header lines, pieces and trailers', async () => {
      const answer = await send(app().url, {
        headers: [
          ['x-backend-status', '207'],
          ['x-backend-header-1', 'x-multi: 1'],
          ['x-backend-header-2', 'x-multi: 2'],
          ['x-backend-chunks', '3'],
          ['x-backend-trailer', 'x-app-trailer: done'],
        ],
      });
      expect(answer.status).toBe(207);
      expectResponseLines(answer, 'x-multi', ['1', '2'], caps.distinctResponseLines);
      expect(echoed(answer).method).toBe('GET');
      if (caps.trailers) expect(answer.trailerLines).toContainEqual(['x-app-trailer', 'done']);
    });
  });
}
