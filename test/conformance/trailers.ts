/**
 * Trailers, the two trailer header kinds. A host reports the trailers feature bit as its adapter
 * declares it (capabilities.ts) and behaves accordingly: with trailers, request trailers are
 * readable, trailers can be set and reach the client, and a held response keeps the app's
 * trailers; without, trailer lists are empty and setting one traps.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask, echoed } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { INSPECT_GUEST, MUTATE_GUEST, PHASES_GUEST } from './guests.js';
import { expectListProbe } from './headers.js';
import { GENERIC_500 } from './next-rules.js';

const TRAILERS = 4;

export function describeTrailers(target: Target): void {
  describe('trailers', () => {
    const inspect = appFor(target, INSPECT_GUEST, 'echo');
    const phases = appFor(target, PHASES_GUEST, 'echo');
    const mutate = appFor(target, MUTATE_GUEST, 'echo');
    const it = casesFor(target);
    const declared = capabilitiesOf(target.name).trailers;

    /** What the host reports, checked against what the adapter is recorded to declare. */
    async function supported(): Promise<boolean> {
      const { report } = await ask(inspect().url, 'enable_features');
      const bit = (Number(report.trailers) & TRAILERS) !== 0;
      if (declared !== undefined) expect(bit, 'the trailers bit matches capabilities.ts').toBe(declared);
      return bit;
    }

    it('trailers/request', 'request trailers are readable with trailers, empty without', async () => {
      const on = await supported();
      const trailers = [['X-Trailer', 't1'], ['x-other', 't2']] as const;
      const names = await ask(inspect().url, 'request_trailers', { method: 'POST', body: 'body', trailers });
      expect(expectListProbe(names.report).sort()).toEqual(on ? ['x-other', 'x-trailer'] : []);
      const values = await ask(inspect().url, 'get_header_values', {
        method: 'POST',
        body: 'body',
        trailers,
        headers: [['x-kind', '2'], ['x-name', 'x-TRAILER']],
      });
      expect(expectListProbe(values.report)).toEqual(on ? ['t1'] : []);
    });

    it('trailers/set-response', 'a response trailer set by the guest reaches the client, or traps without trailers', async () => {
      const on = await supported();
      const { answer } = await ask(inspect().url, 'set_trailer', { headers: [['x-kind', '3']], timeoutMs: 800 });
      if (on) {
        expect(answer.status).toBe(200);
        expect(answer.trailerLines).toContainEqual(['x-trailer', 'from-guest']);
      } else {
        expect(answer.status).toBe(500);
        expect(answer.body).toBe(GENERIC_500);
      }
    });

    it('trailers/lines-apart', 'two trailer values of one name reach the client as two field lines, never joined', async () => {
      const on = await supported();
      const { answer } = await ask(inspect().url, 'set_trailer', { headers: [['x-kind', '3']], timeoutMs: 800 });
      const multi = answer.trailerLines.filter(([n]) => n.toLowerCase() === 'x-trailer-multi').map(([, v]) => v);
      expect(multi).toEqual(on ? ['one', 'two, three'] : []);
    });

    it('trailers/before-next', 'response trailers set before next follow the app\'s body (a trap without trailers)', async () => {
      const on = await supported();
      const { answer } = await ask(mutate().url, 'response_trailers', { timeoutMs: 800 });
      if (!on) {
        expect(answer.status).toBe(500);
        return;
      }
      expect(answer.status).toBe(200);
      expect(echoed(answer).method, "the app's body").toBe('GET');
      expect(answer.trailerLines).toContainEqual(['x-guest-trailer', 'early']);
      const multi = answer.trailerLines.filter(([n]) => n.toLowerCase() === 'x-trailer-multi').map(([, v]) => v);
      expect(multi, 'field lines stay apart').toEqual(['one', 'two, three']);
    });

    it('trailers/set-request', 'setting a request trailer before next is allowed with trailers, traps without', async () => {
      const on = await supported();
      const { answer } = await ask(inspect().url, 'set_trailer', { headers: [['x-kind', '2']] });
      expect(answer.status).toBe(on ? 200 : 500);
    });

    it('trailers/downstream-kept', 'a held response keeps the trailers the app sent', async () => {
      const on = await supported();
      const { answer } = await ask(phases().url, 'features_scope', {
        headers: [['x-enable', '2'], ['x-backend-trailer', 'x-app-trailer: done']],
        timeoutMs: 800,
      });
      expect(answer.status).toBe(200);
      expect(answer.header('x-buffered')).toBe('1');
      if (on) expect(answer.trailerLines).toContainEqual(['x-app-trailer', 'done']);
    });

    it('trailers/read-downstream', 'handle_response reads the trailers the app sent (none without trailers)', async () => {
      const on = await supported();
      const { answer } = await ask(phases().url, 'after_next', {
        headers: [['x-op', 'get_header_names/response_trailers'], ['x-enable', '2'], ['x-backend-trailer', 'X-App-Trailer: done']],
        timeoutMs: 800,
      });
      expect(answer.status).toBe(200);
      expect(answer.header('x-after-op')?.trim()).toBe(on ? 'done x-app-trailer' : 'done');
    });

    it('trailers/set-after-next', 'with buffer_response handle_response may set a trailer (a trap without trailers)', async () => {
      const on = await supported();
      const { answer } = await ask(phases().url, 'after_next', {
        headers: [['x-op', 'set_header_value/response_trailers'], ['x-enable', '2']],
        timeoutMs: 800,
      });
      if (on) {
        expect(answer.status).toBe(200);
        expect(answer.trailerLines).toContainEqual(['x-guest-trailer', 'late']);
      } else {
        expect(answer.status).toBe(500);
        expect(answer.body).toBe(GENERIC_500);
      }
    });
  });
}
