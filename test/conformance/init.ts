/**
 * Guest initialisation: a wasm start section that calls the host (get_config, enable_features),
 * a WASI command's `_start` and a reactor's `_initialize`. Each runs once per instance, before the
 * first request; features enabled there apply to every request; WASI output reaches the logger.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { startApp, withApp } from './app.js';
import { ask, echoed } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { capturingLogger } from './capture-logger.js';
import { REACTOR_GUEST, START_SECTION_GUEST, WASI_COMMAND_GUEST } from './guests.js';
import { send } from './http-client.js';
import { parseReport } from './report.js';

export function describeInit(target: Target): void {
  describe('initialisation', () => {
    const it = casesFor(target);

    const caps = capabilitiesOf(target.name);

    it('start-section/host-calls', 'a start function that calls get_config and enable_features loads and works', async () => {
      const options = { guestConfig: 'from the component', adapterOptions: { poolSize: 1 } };
      if (caps.guestSource === 'module') {
        // A precompiled Module cannot be rewritten, so the start function runs inside
        // instantiation, before memory is reachable: the documented answer is a load failure.
        await expect(startApp(target, START_SECTION_GUEST, 'echo', options)).rejects.toThrow(/start function/);
        return;
      }
      await withApp(target, START_SECTION_GUEST, 'echo', options, async (app) => {
        for (const round of [1, 2]) {
          const answer = await send(app.url);
          expect(answer.status, `request ${round}`).toBe(200);
          expect(answer.header('x-starts'), 'the start function ran once for the instance').toBe('1');
          expect(answer.header('x-init-features')).toBe('2');
          expect(answer.header('x-request-features'), 'features enabled at init apply to every request').toBe('2');
          // Set in handle_response: allowed only because buffer_response was enabled at init.
          expect(answer.header('x-config')).toBe('from the component');
          expect(echoed(answer).method).toBe('GET');
        }
      });
    });

    it('start-section/each-instance', 'the start function runs once on every instance the pool creates', async () => {
      const options = { guestConfig: 'c', adapterOptions: { poolSize: 4 } };
      if (caps.guestSource === 'module') return expect(startApp(target, START_SECTION_GUEST, 'echo', options)).rejects.toThrow(/start function/);
      await withApp(target, START_SECTION_GUEST, 'echo', options, async (app) => {
        const answers = await Promise.all(
          Array.from({ length: 4 }, () => send(app.url, { headers: [['x-backend-delay-ms', '60']] })),
        );
        for (const a of answers) expect(a.header('x-starts')).toBe('1');
        const stats = app.stats?.();
        if (stats) expect(stats.created, 'overlapping requests each had an instance').toBe(4);
      });
    });

    it('wasi/command', 'a WASI command runs _start once per instance, before the first request', async () => {
      await withApp(target, WASI_COMMAND_GUEST, 'echo', { adapterOptions: { poolSize: 1 } }, async (app) => {
        for (const round of [1, 2]) {
          const answer = await send(app.url);
          expect(answer.status).toBe(200);
          const report = parseReport(answer.body);
          expect(report, answer.body).toMatchObject({
            starts: '1',
            requests: String(round),
            argc: '0',
            envc: '0',
            features: '1', // buffer_request, enabled in _start
            errno: '0',
          });
          expect(BigInt(report.realtime), 'the wall clock is an epoch time in ns').toBeGreaterThan(1_600_000_000_000_000_000n);
          expect(report.random).toMatch(/^[0-9a-f]{16}$/);
        }
      });
    });

    it('wasi/output', 'a WASI guest\'s stdout and stderr reach the app\'s logger, tagged by request', async () => {
      const logger = capturingLogger(-1);
      await withApp(target, WASI_COMMAND_GUEST, 'echo', { adapterOptions: { logger, poolSize: 1 } }, async (app) => {
        for (let i = 0; i < 2; i++) expect((await send(app.url)).status).toBe(200);
        const lines = logger.entries.map((e) => [e.level, e.message]);
        expect(lines.filter(([, m]) => m === 'wasi command started')).toEqual([[0, 'wasi command started']]);
        expect(lines.filter(([, m]) => m === 'handling request')).toEqual([[0, 'handling request'], [0, 'handling request']]);
        // stderr is logged at error level.
        expect(lines.filter(([, m]) => m === 'complaint on stderr')).toEqual([[2, 'complaint on stderr'], [2, 'complaint on stderr']]);
        const perRequest = logger.entries.filter((e) => e.message === 'handling request').map((e) => e.fields.request);
        expect(perRequest[0], 'request output is tagged with its request').toBeDefined();
        expect(perRequest[0]).not.toEqual(perRequest[1]);
      });
    });

    it('wasi/proc_exit-zero', 'a _start that ends in proc_exit(0) leaves the instance usable', async () => {
      await withApp(target, WASI_COMMAND_GUEST, 'echo', { guestConfig: 'exit', adapterOptions: { poolSize: 1 } }, async (app) => {
        for (const round of [1, 2]) {
          const report = parseReport((await send(app.url)).body);
          expect(report).toMatchObject({ starts: '1', requests: String(round), features: '1', errno: '0' });
        }
      });
    });

    it('wasi/strict-sandbox', 'strictSandbox: the clock moves 1 ms per read and randomness is deterministic', async () => {
      const run = () =>
        withApp(target, WASI_COMMAND_GUEST, 'echo', { adapterOptions: { strictSandbox: true } }, async (app) => parseReport((await send(app.url)).body));
      const [first, second] = [await run(), await run()];
      expect(first.clock_delta).toBe('1000000');
      expect(first.random).toBe(second.random);
    });

    it('reactor/_initialize', 'a reactor\'s _initialize runs once per instance, before the first request', async () => {
      await withApp(target, REACTOR_GUEST, 'echo', { adapterOptions: { poolSize: 1 } }, async (app) => {
        expect((await ask(app.url, 'any')).answer.body).toBe('initialized=1 requests=1');
        expect((await ask(app.url, 'any')).answer.body).toBe('initialized=1 requests=2');
      });
    });
  });
}
