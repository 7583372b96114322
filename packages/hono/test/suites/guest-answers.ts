/**
 * What a guest can answer instead of, or on top of, the app: its own response (next=0), a rewrite
 * of the app's buffered response, and a trap, which must cost one request a generic 500 and
 * nothing more. Checked on both ways of mounting a guest.
 */
import { expect, it } from 'vitest';
import type { RunningApp } from '../../../../test/runtimes/app-contract.js';
import type { CasesMount } from '../fixtures/cases-app.js';
import { get } from '../http.js';

type Apps = () => Record<CasesMount, RunningApp>;
const mounts = ['redispatch', 'fetch'] as const;

export function describeGuestAnswers(apps: Apps): void {
  it.each(mounts)('next=0 (%s): the guest answers and no route runs', async (mount) => {
    const reply = await get(apps()[mount].url, '/answer');
    expect(reply).toMatchObject({ status: 418, body: 'answered by the guest' });
    expect(reply.headers['content-type']).toBe('text/plain');
  });

  it.each(mounts)('buffer_response (%s): the guest rewrites the response the app made', async (mount) => {
    const reply = await get(apps()[mount].url, '/buffer');
    expect(reply).toMatchObject({ status: 203, body: 'guest saw: from the app' });
    expect(reply.headers['x-buffered']).toBe('1');
    expect(reply.headers['content-length']).toBe(String('guest saw: from the app'.length));
  });

  it.each(mounts)('a trap (%s) answers a generic 500, and the app keeps serving', async (mount) => {
    const trapped = await get(apps()[mount].url, '/trap');
    expect(trapped).toMatchObject({ status: 500, body: 'Internal Server Error\n' });
    for (let i = 0; i < 3; i++) {
      expect((await get(apps()[mount].url, '/answer')).status).toBe(418);
      expect((await get(apps()[mount].url, '/trap')).status).toBe(500);
    }
  });
}
