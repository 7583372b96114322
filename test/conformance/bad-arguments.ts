/**
 * Arguments a host must refuse: pointers outside guest memory trap the guest (a 500, the server
 * lives on, the app never crashes), as do unknown header or body kinds, empty names or methods and
 * a zero read_body limit. Where nothing is read or written the pointer does not matter: a zero
 * buf_limit, a value that does not fit, an unreadable log message.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask } from './ask.js';
import { casesFor } from './case.js';
import { BAD_ARGUMENTS_GUEST } from './guests.js';
import { GENERIC_500 } from './next-rules.js';

const trapping = [
  'get_uri/past-end',
  'get_uri/wild-pointer',
  'get_uri/negative-pointer',
  'get_method/past-end',
  'get_protocol_version/past-end',
  'get_source_addr/past-end',
  'get_config/past-end',
  'get_header_names/past-end',
  'get_header_values/name-past-end',
  'set_header_value/value-past-end',
  'set_header_value/name-wild-pointer',
  'remove_header/name-past-end',
  'set_method/past-end',
  'set_uri/past-end',
  'write_body/past-end',
  'write_body/huge-length',
  'read_body/past-end',
];

const refused = [
  'get_header_values/empty-name',
  'set_header_value/empty-name',
  'set_method/empty',
  'read_body/zero-limit',
  'read_body/unknown-kind',
  'write_body/unknown-kind',
  'get_header_names/unknown-kind',
  'set_header_value/unknown-kind',
];

export function describeBadArguments(target: Target): void {
  describe('bad arguments', () => {
    const app = appFor(target, BAD_ARGUMENTS_GUEST, 'echo', { guestConfig: 'some guest config' });
    const it = casesFor(target);

    async function expectTrap(caseName: string): Promise<void> {
      const { answer } = await ask(app().url, caseName, { target: '/a/uri/long/enough?to=matter' });
      expect(answer.status, caseName).toBe(500);
      expect(answer.body, caseName).toBe(GENERIC_500);
      const next = await ask(app().url, 'healthy');
      expect(next.answer.body, `served after ${caseName}`).toBe('ok');
    }

    it('memory/out-of-range', 'pointers past the end of memory, wild or negative, trap', async () => {
      for (const c of trapping) await expectTrap(c);
    });

    it('arguments/refused', 'empty names and methods, unknown kinds and a zero read_body limit trap', async () => {
      for (const c of refused) await expectTrap(c);
    });

    it('memory/nothing-written', 'a wild pointer is never touched when nothing is written', async () => {
      const target = '/a/uri/long/enough?to=matter';
      const zero = await ask(app().url, 'get_uri/limit-zero-wild-pointer', { target });
      expect(zero.answer.body).toBe(`len=${target.length}`);
      const small = await ask(app().url, 'get_uri/too-small-wild-pointer', { target });
      expect(small.answer.body).toBe(`len=${target.length}`);
    });

    it('memory/exact-end', 'a value ending on the last byte of memory is in bounds', async () => {
      const { answer } = await ask(app().url, 'get_uri/exact-end', { target: '/ends/at/the/edge' });
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('uri=/ends/at/the/edge');
    });

    it('log/unreadable', 'an unreadable log message is ignored, not a trap', async () => {
      const { answer } = await ask(app().url, 'log/past-end');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('survived');
    });
  });
}
