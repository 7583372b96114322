/**
 * Failures around the wasm middleware in an Express app: guest traps, downstream errors, clients
 * that go away, a guest that cannot load, and closing with a request in flight. In every case the
 * client gets a sane answer (or a clean abort), no guest text leaks, no instance stays in use, and
 * the app goes on serving.
 */
import http from 'node:http';
import type { NextFunction, Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GuestLoadError, type Logger } from '@dapr-wasm/core';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { guestLog } from './support/guest-log.js';
import { directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';
import { collectUnhandledRejections } from './support/unhandled-rejections.js';

const BUFFER_RESPONSE = { 'x-guest-features': '2' };
const GENERIC_500 = 'Internal Server Error\n';

/** A promise the test resolves by hand, to hold a route open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

/** Resolves once nothing holds a guest instance: the guest released it after handle_response. */
async function settled(stats: () => { inUse: number }): Promise<void> {
  for (let i = 0; i < 100 && stats().inUse !== 0; i++) await new Promise((r) => setTimeout(r, 10));
  expect(stats().inUse).toBe(0);
}

describe.each(expressVersions)('%s: failures', (version, express) => {
  const unhandled = collectUnhandledRejections();
  const log = guestLog();
  const wasm = daprWasm({ url: directedGuest(), logger: log });
  const loadErrors: string[] = [];
  const quietLogger: Logger = { enabled: () => true, log: (_l, message) => void loadErrors.push(message) };
  const missing = daprWasm({ url: 'file:///nonexistent/dapr-wasm/guest.wasm', logger: quietLogger });
  let served: Served;
  let slowRoute = gate();
  let slowEntered = gate();

  beforeAll(async () => {
    await wasm.ready;
    const app = express();
    app.use('/missing', missing);
    app.get('/missing/ok', (_q, s) => void s.send('unreachable'));
    app.use(wasm);
    app.get('/ok', (_q, s) => void s.send('ok'));
    app.get('/throws', () => {
      throw new Error('boom from the route');
    });
    app.get('/next-error', (_q, _s, next) => next(Object.assign(new Error('teapot trouble'), { status: 418 })));
    app.get('/custom-error', (_q, _s, next) => next(new Error('handled by the app')));
    app.get('/slow', async (_q, s) => {
      s.write('first;');
      slowEntered.open();
      await slowRoute.opened;
      s.end('last');
    });
    app.use((err: Error, req: Request, res: Response, next: NextFunction) => {
      if (req.path !== '/custom-error') return next(err);
      res.status(422).json({ error: err.message });
    });
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await Promise.all([wasm.close(), missing.close()]);
  });

  const get = (path: string, headers: Record<string, string> = {}, extra: { agent?: http.Agent } = {}) =>
    send(served.url, { path, headers, ...extra });

  describe('a guest trap in handle_request', () => {
    it('answers 500 with a generic body, then serves the next request', async () => {
      const before = wasm.stats().discarded;
      const r = await get('/ok', { 'x-guest-trap': 'request' });
      expect(r.status).toBe(500);
      expect(r.text).toBe(GENERIC_500);
      expect(r.headers['content-length']).toBe(String(GENERIC_500.length));
      await settled(wasm.stats);
      expect(wasm.stats().discarded).toBe(before + 1);
      const next = await get('/ok');
      expect([next.status, next.text]).toEqual([200, 'ok']);
    });
  });

  describe('a guest trap in handle_response', () => {
    it('with buffer_response: 500 in place of the app\'s response, generic body', async () => {
      const r = await get('/ok', { ...BUFFER_RESPONSE, 'x-guest-trap': 'response' });
      expect(r.status).toBe(500);
      expect(r.text).toBe(GENERIC_500);
      expect(r.headers['x-powered-by']).toBeUndefined();
      await settled(wasm.stats);
      expect((await get('/ok')).text).toBe('ok');
    });

    it('without buffering: the response already sent arrives whole, and the connection serves the next request', async () => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      try {
        const r = await get('/ok', { 'x-guest-trap': 'response' }, { agent });
        expect([r.status, r.text, r.headers['content-length']]).toEqual([200, 'ok', '2']);
        await settled(wasm.stats);
        const next = await get('/ok', {}, { agent });
        expect(next.text).toBe('ok');
      } finally {
        agent.destroy();
      }
    });
  });

  // Express catches what a route throws and answers through its own error handling, so the
  // adapter sees an ordinary, complete response: handle_response runs with isError=0 and, with
  // buffer_response, reads the error response like any other.
  describe('a downstream error handled by Express', () => {
    it('a synchronous throw: Express\'s error handler answers 500, handle_response runs with isError=0', async () => {
      const r = await get('/throws', BUFFER_RESPONSE);
      expect(r.status).toBe(500);
      expect(r.text).toContain('boom from the route');
      expect(r.headers['x-seen-status']).toBe('500');
      expect(r.headers['x-seen-error']).toBe('0');
      await settled(wasm.stats);
    });

    it('next(err) with a status: Express\'s final handler uses it, handle_response sees it', async () => {
      const r = await get('/next-error', BUFFER_RESPONSE);
      expect(r.status).toBe(418);
      expect(r.headers['x-seen-status']).toBe('418');
      expect(r.headers['x-seen-error']).toBe('0');
    });

    it('next(err) to the app\'s error middleware: its response is what the guest reads', async () => {
      const r = await get('/custom-error', BUFFER_RESPONSE);
      expect(r.status).toBe(422);
      expect(JSON.parse(r.text)).toEqual({ error: 'handled by the app' });
      expect(r.headers['x-seen-type']).toBe('application/json; charset=utf-8');
    });

    it('without buffering, handle_response still runs, with isError=0', async () => {
      log.lines.length = 0;
      const r = await get('/throws');
      expect(r.status).toBe(500);
      await log.waitFor('handle_response isError=0');
      await settled(wasm.stats);
    });
  });

  describe('a client that goes away mid-response', () => {
    /** Starts GET /slow, waits for the route to run, then destroys the connection. */
    async function abandon(headers: Record<string, string>): Promise<void> {
      slowRoute = gate();
      slowEntered = gate();
      const req = http.get(new URL('/slow', served.url), { headers, agent: false });
      req.on('error', () => {});
      await slowEntered.opened;
      await new Promise((r) => setTimeout(r, 20));
      req.destroy();
      await new Promise((r) => setTimeout(r, 20));
      slowRoute.open();
    }

    it('streaming: handle_response runs with isError=1, the instance is released, the app serves on', async () => {
      log.lines.length = 0;
      await abandon({});
      await log.waitFor('handle_response isError=1');
      await settled(wasm.stats);
      expect((await get('/ok')).text).toBe('ok');
      expect(unhandled.reasons).toEqual([]);
    });

    it('buffered: handle_response runs with isError=1, the instance is released, the app serves on', async () => {
      log.lines.length = 0;
      await abandon(BUFFER_RESPONSE);
      await log.waitFor('handle_response isError=1');
      await settled(wasm.stats);
      expect((await get('/ok')).text).toBe('ok');
      expect(unhandled.reasons).toEqual([]);
    });
  });

  describe('a response Node refuses to send', () => {
    // A `Trailer` header on a response framed by Content-Length makes Node throw in res.end.
    it('still ends the exchange: an answer or a closed connection, never a hang', async () => {
      const outcome = await send(served.url, { path: '/ok', headers: { ...BUFFER_RESPONSE, 'x-guest-header-out': 'trailer=x-never' }, timeoutMs: 1_000 }).then(
        (r) => `answered ${r.status}`,
        (e: Error) => (/within/.test(e.message) ? 'hung' : 'closed'),
      );
      expect(outcome).not.toBe('hung');
      expect(unhandled.reasons).toEqual([]);
      await settled(wasm.stats);
      expect((await get('/ok')).text).toBe('ok');
    });
  });

  describe('a guest that cannot load', () => {
    it('.ready rejects with a load error naming the file', async () => {
      const err = await missing.ready.then(() => undefined, (e: unknown) => e);
      expect(err).toBeInstanceOf(GuestLoadError);
      expect(err).toMatchObject({ code: 'DAPR_WASM_LOAD', phase: 'load' });
      expect((err as Error).message).toContain('nonexistent/dapr-wasm/guest.wasm');
      expect(loadErrors.join('\n')).toContain('nonexistent/dapr-wasm/guest.wasm');
    });

    it('answers its requests 500 with a generic body while the rest of the app serves', async () => {
      const r = await get('/missing/ok');
      expect([r.status, r.text]).toEqual([500, GENERIC_500]);
      expect((await get('/ok')).text).toBe('ok');
      expect((await get('/missing/ok')).status).toBe(500);
    });
  });

  describe('close()', () => {
    it('waits for the request in flight, which completes; later requests get 503', async () => {
      const closing = daprWasm(directedGuest());
      await closing.ready;
      const app = express();
      app.use(closing);
      app.get('/held', async (_q, s) => {
        slowEntered.open();
        await slowRoute.opened;
        s.send('done');
      });
      const own = await serve(app);
      try {
        slowRoute = gate();
        slowEntered = gate();
        const inFlight = send(own.url, { path: '/held' });
        await slowEntered.opened;
        let closed = false;
        const close = closing.close().then(() => void (closed = true));
        await new Promise((r) => setTimeout(r, 50));
        expect(closed).toBe(false);
        expect(closing.stats().inUse).toBe(1);
        slowRoute.open();
        const r = await inFlight;
        expect([r.status, r.text]).toEqual([200, 'done']);
        await close;
        expect(closing.stats().inUse).toBe(0);
        const after = await send(own.url, { path: '/held' });
        expect(after.status).toBe(503);
        expect(after.headers['retry-after']).toBe('1');
      } finally {
        await own.close();
      }
    });
  });
});
