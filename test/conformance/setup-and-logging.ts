/**
 * The administrative functions: enable_features (returns the whole enabled set; enabled per
 * request, only for that request), get_config (opaque bytes, buf_limit protocol), log_enabled and
 * log (the app's logger; unreadable messages are ignored, not trapped).
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask } from './ask.js';
import { casesFor } from './case.js';
import { capabilitiesOf } from './capabilities.js';
import { capturingLogger } from './capture-logger.js';
import { INSPECT_GUEST } from './guests.js';
import { expectProbe } from './request-line.js';

// Binary on purpose: NUL, 0xff and a multi-byte character must arrive byte for byte.
const guestConfig = new Uint8Array([...Buffer.from('{"environment":"production","café":1}'), 0x00, 0xff, 0x0a]);

export function describeSetupAndLogging(target: Target): void {
  describe('setup and logging', () => {
    const caps = capabilitiesOf(target.name);
    // Where only JSON options reach the app, it keeps its default logger, which is silent.
    const logger = caps.jsonOptionsOnly ? undefined : capturingLogger(0);
    // One instance, so consecutive requests prove per-request features do not outlive their request.
    const app = appFor(target, INSPECT_GUEST, 'echo', { guestConfig, adapterOptions: { ...(logger ? { logger } : {}), poolSize: 1 } });
    const it = casesFor(target);
    const trailers = caps.trailers;

    it('enable_features/whole-set', 'returns the whole enabled set on every call, trailers as the adapter declares', async () => {
      const { report } = await ask(app().url, 'enable_features');
      expect(report).toMatchObject({ none: '0', bufferRequest: '1', bufferResponse: '3', again: '3' });
      const withTrailers = Number(report.trailers);
      expect([3, 7]).toContain(withTrailers);
      if (trailers !== undefined) expect(withTrailers).toBe(trailers ? 7 : 3);
      expect(report.after).toBe(report.trailers);
    });

    it('enable_features/per-request', 'features enabled in handle_request last only for that request', async () => {
      const first = await ask(app().url, 'features', { headers: [['x-enable', '3']] });
      expect(first.report).toMatchObject({ enabled: '3', current: '3' });
      const second = await ask(app().url, 'features');
      expect(second.report.current).toBe('0');
    });

    it('enable_features/unknown-bits', 'ignores bits the ABI does not define', async () => {
      const { report } = await ask(app().url, 'features', { headers: [['x-enable', String(0x100 | 1)]] });
      expect(report.enabled).toBe('1');
    });

    it('get_config/bytes', 'hands the guest config over byte for byte, with the buf_limit protocol', async () => {
      const { report } = await ask(app().url, 'probe', { headers: [['x-getter', 'get_config']] });
      expectProbe(report, guestConfig);
    });

    it('log_enabled/levels', 'reports the levels the app\'s logger wants (none for the default, silent one), never "none"', async () => {
      const { report } = await ask(app().url, 'log_enabled');
      const on = logger ? '1' : '0';
      expect(report).toMatchObject({ 'level-1': '0', level0: on, level1: on, level2: on, level3: '0' });
    });

    it('log/levels', 'passes messages at enabled levels to the app\'s logger and ignores unreadable ones', async () => {
      if (!logger) throw new Error('no logger reaches this target (capabilities.ts lists this case as unsupported)');
      logger.clear();
      const { answer, report } = await ask(app().url, 'log');
      expect(answer.status).toBe(200);
      expect(report.logged).toBe('1');
      const guestLines = logger.entries.filter((e) => e.message.startsWith('conformance log at'));
      expect(guestLines.map((e) => [e.level, e.message])).toEqual([
        [0, 'conformance log at 0'],
        [1, 'conformance log at 1'],
        [2, 'conformance log at 2'],
      ]);
      // The empty message is logged as empty; the out-of-range one is dropped, not a trap.
      expect(logger.entries.filter((e) => e.message === '' && e.level === 0)).toHaveLength(1);
    });
  });
}
