/**
 * A guest trying to put what HTTP forbids on the wire: CR/LF in a header value, a name that is not
 * a token, a method with CR/LF, a status outside 100-999. Each host call traps the guest (500), no
 * injected header reaches the client, and the same calls with clean values work (so the refusals
 * are not an accident of the path).
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import type { FaultCase } from './fault-case.js';
import { call, ref, type Call } from './script.js';
import { countersOf, expectRecovered, GENERIC_500, run, type scriptedApp } from './scripted-app.js';

const REQUEST = 0;
const RESPONSE = 1;

const refused: Readonly<Record<string, Call>> = {
  'set_header_value with CR/LF in the value': call('set_header_value', RESPONSE, ...ref('ok'), ...ref('crlfValue')),
  'add_header_value with CR/LF in the value': call('add_header_value', RESPONSE, ...ref('ok'), ...ref('crlfValue')),
  'a request header with CR/LF in the value': call('set_header_value', REQUEST, ...ref('ok'), ...ref('crlfValue')),
  'a header value with NUL': call('set_header_value', RESPONSE, ...ref('ok'), ...ref('nulValue')),
  'a header name with a space': call('set_header_value', RESPONSE, ...ref('badName'), ...ref('fine')),
  'a method with CR/LF': call('set_method', ...ref('crlfMethod')),
  'a URI with a space': call('set_uri', ...ref('badUri')),
};

export function describeInjection(_target: Target, it: FaultCase, app: ReturnType<typeof scriptedApp>): void {
  describe('injection', () => {
    it('headers/control', 'a clean header set by the guest reaches the client (the path works)', async () => {
      const answer = await run(app(), [call('set_header_value', RESPONSE, ...ref('ok'), ...ref('fine'))]);
      expect(answer.status).toBe(200);
      expect(answer.headers['x-ok']).toBe('fine');
    });

    it('headers/crlf', 'CR/LF, NUL, a bad name, a bad method or URI: each traps the guest (500); nothing injected reaches the client', async () => {
      const before = countersOf(app());
      for (const [what, bad] of Object.entries(refused)) {
        const answer = await run(app(), [bad]);
        expect(answer.status, what).toBe(500);
        expect(answer.text, what).toBe(GENERIC_500);
        expect(answer.headers['x-injected'], what).toBeUndefined();
        expect(answer.headers['x-ok'], what).toBeUndefined();
      }
      await expectRecovered(app(), before, Object.keys(refused).length);
    });

    it('status/control', 'a valid status set by the guest is the answer\'s (the path works)', async () => {
      expect((await run(app(), [call('set_status_code', 299)])).status).toBe(299);
    });

    it('status/invalid', 'a status of 99, 1000 or -1 traps the guest: 500', async () => {
      const before = countersOf(app());
      for (const status of [99, 1000, -1]) {
        const answer = await run(app(), [call('set_status_code', status)]);
        expect(answer.status, String(status)).toBe(500);
        expect(answer.text).toBe(GENERIC_500);
      }
      await expectRecovered(app(), before, 3);
    });

    it('status/unsendable', 'a status the server cannot send as a final answer (101, 600) traps like 99: 500', async () => {
      const before = countersOf(app());
      for (const status of [101, 600]) {
        const answer = await run(app(), [call('set_status_code', status)], { timeoutMs: 3000 });
        expect(answer.status, String(status)).toBe(500);
        expect(answer.text, String(status)).toBe(GENERIC_500);
      }
      await expectRecovered(app(), before, 2);
    });
  });
}
