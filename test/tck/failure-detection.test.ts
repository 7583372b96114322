/**
 * The TCK must be able to fail. These run the guest and runner against the first target with
 * things deliberately wrong, and check that exactly the expected cases and answers report it.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestRef, TCK_GUEST } from '../harness/guests.js';
import { targets } from '../harness/targets.js';
import type { AppUnderTest } from '../harness/types.js';
import { runTck } from './run-tck.js';
import { sendTckRequest } from './tck-client.js';

const target = targets[0];

// Cases whose verdict rests on what the backend echoed; with a backend that echoes nothing these,
// and only these, must fail. remove_header/request/existing passes: it wants the header absent.
const echoDependent = [
  'set_method',
  'set_uri/simple',
  'set_uri/simple/escaping',
  'set_uri/query',
  'set_uri/query/escaping',
  'set_header_value/request/new',
  'set_header_value/request/existing',
  'add_header_value/request/new',
  'add_header_value/request/existing',
  'remove_header/request/new',
];

describe(`TCK failure detection on ${target.name}`, () => {
  describe('behind a backend that echoes nothing', () => {
    let app: AppUnderTest | undefined;
    beforeAll(async () => {
      app = await target.start(guestRef(TCK_GUEST), 'silent');
    }, 20_000);
    afterAll(async () => {
      await app?.close();
    });

    it('fails exactly the cases that check the echo', async () => {
      const results = await runTck(app!.url);
      const failed = results.filter((r) => !r.pass);
      expect(failed.map((r) => r.id)).toEqual(echoDependent);
      for (const r of failed) expect(r.reasons.join('\n')).toMatch(/^expected /);
    }, 30_000);
  });

  describe('guest error answers', () => {
    let app: AppUnderTest | undefined;
    const agent = new http.Agent({ keepAlive: false });
    beforeAll(async () => {
      app = await target.start(guestRef(TCK_GUEST), 'tck');
    }, 20_000);
    afterAll(async () => {
      agent.destroy();
      await app?.close();
    });

    it('answers 500 with a body when the test id is missing', async () => {
      const answer = await sendTckRequest(new URL(app!.url), { method: 'GET', target: '/', headers: [] }, agent, 5000);
      expect(answer.status).toBe(500);
      expect(answer.body).toBe('missing x-httpwasm-tck-testid header');
      expect(answer.header('x-httpwasm-tck-handled')).toBeUndefined();
    });

    it('answers 500 naming the failure for an unknown test id', async () => {
      const answer = await sendTckRequest(
        new URL(app!.url),
        { method: 'GET', target: '/', headers: [['x-httpwasm-tck-testid', 'no/such/case']] },
        agent,
        5000,
      );
      expect(answer.status).toBe(500);
      expect(answer.header('x-httpwasm-tck-failed')).toBe('unknown x-httpwasm-test-id');
      expect(answer.header('x-httpwasm-tck-handled')).toBe('1');
    });

    it('answers 500 naming what differed when a check fails', async () => {
      // get_uri/simple expects "/simple"; sent to "/other", the guest itself must report it.
      const answer = await sendTckRequest(
        new URL(app!.url),
        { method: 'GET', target: '/other', headers: [['x-httpwasm-tck-testid', 'get_uri/simple']] },
        agent,
        5000,
      );
      expect(answer.status).toBe(500);
      expect(answer.header('x-httpwasm-tck-failed')).toBe('get_uri: want /simple, have /other');
    });
  });
});
