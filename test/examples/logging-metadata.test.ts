// The logging-metadata example over real HTTP, on Express and on Koa: what reaches the app's logger.
import { describe, expect, it } from 'vitest';
import { createApp, guestUrl, type LoggingMetadataOptions } from '../../examples/logging-metadata/app.js';
import { loggingMetadataConfig } from '../../examples/logging-metadata/config.js';
import { createKoaApp } from '../../examples/logging-metadata/koa-app.js';
import { SLOW_WORK_MS } from '../../examples/logging-metadata/slow-work.js';
import { logRecorder } from '../../examples/shared/log-recorder.js';
import { assertBuilt } from './built-guest.js';
import { serveExample, type StartedApp } from './frameworks.js';

assertBuilt(guestUrl);

type Start = (options: LoggingMetadataOptions) => StartedApp;
const frameworks: [string, Start][] = [
  ['Express', (o) => { const { app, wasm } = createApp(o); return { listener: app, wasm }; }],
  ['Koa', (o) => { const { app, wasm } = createKoaApp(o); return { listener: app.callback(), wasm }; }],
];

/** The duration in ms from a `<-- ... 12.345ms` line. */
const millis = (line: string) => Number(/ (\d+\.\d{3})ms/.exec(line)?.[1]);

describe.each(frameworks)('logging-metadata on %s', (_name, start) => {
  describe('at info', () => {
    const log = logRecorder();
    const server = serveExample(() => start({ log }));

    it('logs method, path and the configured headers in, then status and duration out', async () => {
      await log.take();
      const res = await fetch(server.url + '/orders?card=4111', { headers: { 'x-request-id': 'r-1', 'user-agent': 'test-agent' } });
      expect(res.status).toBe(200);
      const [line1, line2, ...rest] = await log.take(2);
      expect(line1).toBe('info --> GET /orders user-agent="test-agent" x-request-id="r-1"');
      expect(line2).toMatch(/^info <-- GET \/orders 200 \d+\.\d{3}ms$/);
      expect(rest).toEqual([]);
    });

    it('leaves the query out unless configured, since it may hold personal data', async () => {
      await log.take();
      await fetch(server.url + '/orders?email=a@b.c');
      expect((await log.take(2)).join('\n')).not.toContain('email');
    });

    it('quotes header values, so a value cannot forge another field', async () => {
      await log.take();
      await fetch(server.url + '/orders', { headers: { 'user-agent': 'x" admin="yes' } });
      expect((await log.take(2))[0]).toBe('info --> GET /orders user-agent="x\\" admin=\\"yes"');
    });

    it('logs the status the app chose, 404 included', async () => {
      await log.take();
      await fetch(server.url + '/missing');
      expect((await log.take(2))[1]).toMatch(/^info <-- GET \/missing 404 /);
    });

    it('times the app with the WASI clock and marks slow responses at warn', async () => {
      await log.take();
      await fetch(server.url + '/report');
      const out = (await log.take(2))[1];
      expect(out).toMatch(/^warn <-- GET \/report 200 \d+\.\d{3}ms slow$/);
      expect(millis(out)).toBeGreaterThanOrEqual(SLOW_WORK_MS - 5);
    });
  });

  describe('when the app logger wants warnings only', () => {
    const log = logRecorder();
    const server = serveExample(() => start({ log, level: 'warn' }));

    it('passes on no line for ordinary requests but still reports slow ones', async () => {
      await fetch(server.url + '/orders');
      await fetch(server.url + '/report');
      const lines = await log.take(1);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^warn <-- GET \/report 200 .* slow$/);
    });
  });

  describe('with the query and debug level configured', () => {
    const log = logRecorder();
    const config = { ...loggingMetadataConfig, level: 'debug', includeQuery: true, headers: [] };
    const server = serveExample(() => start({ log, level: 'debug', config }));

    it('logs at the configured level, query included', async () => {
      await fetch(server.url + '/orders?page=2');
      const lines = await log.take(2);
      expect(lines[0]).toBe('debug --> GET /orders?page=2');
      expect(lines[1]).toMatch(/^debug <-- GET \/orders\?page=2 200 /);
    });
  });
});
