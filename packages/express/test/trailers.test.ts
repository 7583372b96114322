/**
 * Trailers through the Express adapter, which reports the trailers feature as supported: request
 * trailers of a chunked upload are readable by the guest, and response trailers (the guest's and
 * the app's) reach the client.
 */
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';
import { collectUnhandledRejections } from './support/unhandled-rejections.js';

const FEATURE_BUFFER_REQUEST = 1;
const FEATURE_BUFFER_RESPONSE = 2;
const FEATURE_TRAILERS = 4;
const features = (...bits: number[]) => ({ 'x-guest-features': String(bits.reduce((a, b) => a | b, 0)) });

/** Echoes the body and the trailers the app itself sees. */
const echo = async (req: Request, res: Response) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  res.json({ body: Buffer.concat(chunks).toString(), trailers: req.trailers });
};

describe.each(expressVersions)('%s: trailers', (version, express) => {
  const unhandled = collectUnhandledRejections();
  const wasm = daprWasm(directedGuest());
  let served: Served;

  beforeAll(async () => {
    await wasm.ready;
    const app = express();
    app.use(wasm);
    app.post('/echo', echo);
    app.get('/chunked', (_q, s) => {
      s.write('part one, ');
      s.end('part two');
    });
    app.get('/with-trailer', (_q, s) => {
      s.setHeader('trailer', 'x-app-trailer');
      s.write('data');
      s.addTrailers({ 'x-app-trailer': 'sum' });
      s.end();
    });
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await wasm.close();
  });

  it('reports the trailers feature as enabled', async () => {
    const r = await send(served.url, { path: '/chunked', headers: features(FEATURE_TRAILERS) });
    expect(r.headers['x-guest-features-enabled']).toBe(String(FEATURE_TRAILERS));
    const all = await send(served.url, { path: '/chunked', headers: features(FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS) });
    expect(all.headers['x-guest-features-enabled']).toBe('7');
  });

  describe('request trailers', () => {
    const upload = {
      method: 'POST', path: '/echo', chunks: ['first ', 'second'], trailers: { 'x-checksum': 'abc123' },
      headers: { ...features(FEATURE_BUFFER_REQUEST, FEATURE_TRAILERS), 'x-guest-read': 'all', 'x-guest-trailer': 'x-checksum' },
    };

    it('are readable by the guest with buffer_request', async () => {
      const r = await send(served.url, upload);
      expect(r.headers['x-guest-read']).toBe('first second');
      expect(r.headers['x-guest-trailer-value']).toBe('abc123');
      expect(r.headers['x-guest-trailer-names']).toBe('x-checksum');
    });

    it('still reach the app, with the replayed body', async () => {
      const r = await send(served.url, upload);
      expect(JSON.parse(r.text)).toEqual({ body: 'first second', trailers: { 'x-checksum': 'abc123' } });
    });

    it('are empty for a request that has none', async () => {
      const r = await send(served.url, { ...upload, trailers: undefined });
      expect(r.headers['x-guest-trailer-value']).toBe('');
      expect(r.headers['x-guest-trailer-names']).toBe('');
    });
  });

  describe('response trailers', () => {
    // Some of these cases hang on a known bug; fail them quickly.
    const quick = { timeoutMs: 1_000 };

    it('set by the guest with buffer_response reach the client', async () => {
      const r = await send(served.url, {
        ...quick,
        path: '/chunked',
        headers: { ...features(FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS), 'x-guest-trailer-out': 'done' },
      });
      expect(r.text).toBe('part one, part two');
      expect(r.headers.trailer).toBe('x-guest-trailer');
      expect(r.trailers['x-guest-trailer']).toBe('done');
      expect(unhandled.reasons).toEqual([]);
    });

    it('set by the app are readable by the guest with buffer_response, and reach the client', async () => {
      const r = await send(served.url, {
        ...quick,
        path: '/with-trailer',
        headers: { ...features(FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS), 'x-guest-app-trailer': '1' },
      });
      expect(r.headers['x-seen-app-trailer']).toBe('sum');
      expect(r.text).toBe('data');
      expect(r.trailers['x-app-trailer']).toBe('sum');
      expect(unhandled.reasons).toEqual([]);
    });

    it('set by the app reach the client through buffer_response when the guest ignores them', async () => {
      const r = await send(served.url, { ...quick, path: '/with-trailer', headers: features(FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS) });
      expect(r.text).toBe('data');
      expect(r.trailers['x-app-trailer']).toBe('sum');
      expect(unhandled.reasons).toEqual([]);
    });

    it('set by the app reach the client when the response streams through', async () => {
      const r = await send(served.url, { path: '/with-trailer', headers: features(FEATURE_TRAILERS) });
      expect(r.trailers['x-app-trailer']).toBe('sum');
    });

    it('set by the guest before next reach the client after a chunked response', async () => {
      const r = await send(served.url, { path: '/chunked', headers: { ...features(FEATURE_TRAILERS), 'x-guest-pre-trailer': 'early' } });
      expect(r.text).toBe('part one, part two');
      expect(r.trailers['x-guest-trailer']).toBe('early');
    });
  });
});
