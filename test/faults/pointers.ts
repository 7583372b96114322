/**
 * A guest passing pointers and lengths outside its memory, or negative when read as i32. The host
 * checks every range before touching memory and traps the guest (500); it never throws into the
 * app or reads or writes outside the guest. A log call with a bad pointer is the one exception the
 * ABI makes: the message is dropped and the request goes on.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import type { FaultCase } from './fault-case.js';
import { call, ref, type Call } from './script.js';
import { countersOf, expectRecovered, GENERIC_500, run, type scriptedApp } from './scripted-app.js';

const REQUEST = 0;
const RESPONSE = 1;

const outOfRange: Readonly<Record<string, Call>> = {
  'get_uri into a buffer past the end of memory': call('get_uri', 0x7fff_ffff, 0x7fff_ffff),
  'get_header_names with a negative buffer and limit': call('get_header_names', REQUEST, -16, -1),
  'get_header_values with a name past the end': call('get_header_values', REQUEST, 0xfff0, 0x100, 0, 64),
  'set_header_value with a name at -1': call('set_header_value', RESPONSE, -1, 4, ...ref('fine')),
  'write_body reading past the end': call('write_body', RESPONSE, 0xfff0, 0x100),
  'read_body into a buffer crossing the end': call('read_body', REQUEST, 0xff00, 0x1000),
  'get_method into the last byte with a huge limit': call('get_method', 0xffff, -1),
};

export function describePointers(_target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  describe('pointers', () => {
    it('pointers/out-of-range', 'each out-of-range pointer or length traps the guest: 500, never a crash', async () => {
      const before = countersOf(app());
      for (const [what, bad] of Object.entries(outOfRange)) {
        const answer = await run(app(), [bad], { method: 'POST', body: 'a body to read' });
        expect(answer.status, what).toBe(500);
        expect(answer.text, what).toBe(GENERIC_500);
      }
      await expectRecovered(app(), before, Object.keys(outOfRange).length);
    });

    it('pointers/log', 'log with a pointer past the end is dropped, not trapped: the request goes on', async () => {
      const before = countersOf(app());
      const answer = await run(app(), [call('log', 0, 0x7fff_fff0, 100), call('set_status_code', 203)]);
      expect(answer.status).toBe(203);
      await expectRecovered(app(), before, 0);
    });
  });
}
