/**
 * Request bodies around a guest that reads or rewrites them: Express's body parsers, mounted after
 * the wasm middleware, still parse what reaches them, with a Content-Length that matches.
 */
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { cohortRouterGuest, directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

const MAX_BODY = 1024;
const BUFFER_REQUEST = { 'x-guest-features': '1' };

/** The parsed body and the framing headers the route saw. */
const parsed = (req: Request, res: Response) => {
  const body = Buffer.isBuffer(req.body) ? { base64: req.body.toString('base64') } : req.body;
  res.json({ body, contentLength: req.headers['content-length'], transferEncoding: req.headers['transfer-encoding'] });
};

/** Reads the stream itself, as a handler without a body parser would. */
const streamed = async (req: Request, res: Response) => {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  res.json({ text: Buffer.concat(chunks).toString('latin1'), contentLength: req.headers['content-length'], transferEncoding: req.headers['transfer-encoding'] });
};

describe.each(expressVersions)('%s: request bodies', (_version, express) => {
  const directed = daprWasm({ url: directedGuest(), maxBodyBytes: MAX_BODY });
  const passThrough = daprWasm(cohortRouterGuest());
  let served: Served;

  beforeAll(async () => {
    await Promise.all([directed.ready, passThrough.ready]);
    const app = express();

    // A guest that never imports read_body: the original stream goes to the app untouched.
    const untouched = express.Router();
    untouched.use(passThrough);
    untouched.post('/json', express.json(), parsed);
    untouched.post('/stream', streamed);
    app.use('/untouched', untouched);

    app.use(directed);
    app.post('/json', express.json(), parsed);
    app.post('/text', express.text(), parsed);
    app.post('/raw', express.raw({ type: '*/*' }), parsed);
    app.post('/form', express.urlencoded({ extended: false }), parsed);
    app.post('/stream', streamed);
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await Promise.all([directed.close(), passThrough.close()]);
  });

  const post = (path: string, body: string | Buffer, headers: Record<string, string>) =>
    send(served.url, { method: 'POST', path, body, headers });
  const postChunked = (path: string, chunks: string[], headers: Record<string, string>) =>
    send(served.url, { method: 'POST', path, chunks, headers });

  describe('with buffer_request, after the guest read the whole body', () => {
    const reading = { ...BUFFER_REQUEST, 'x-guest-read': 'all' };

    it('express.json() parses it', async () => {
      const r = await post('/json', '{"name":"panda","n":2}', { ...reading, 'content-type': 'application/json' });
      expect(r.headers['x-guest-read']).toBe('{"name":"panda","n":2}');
      expect(JSON.parse(r.text)).toEqual({ body: { name: 'panda', n: 2 }, contentLength: '22' });
    });

    it('express.text() parses it', async () => {
      const r = await post('/text', 'hello wasm', { ...reading, 'content-type': 'text/plain' });
      expect(r.headers['x-guest-read']).toBe('hello wasm');
      expect(JSON.parse(r.text)).toMatchObject({ body: 'hello wasm', contentLength: '10' });
    });

    it('express.raw() gets every byte, binary included', async () => {
      const bytes = Buffer.from(Array.from({ length: 256 }, (_, i) => i));
      const r = await post('/raw', bytes, { ...reading, 'content-type': 'application/octet-stream' });
      expect(r.headers['x-guest-read-length']).toBe('256');
      expect(JSON.parse(r.text)).toMatchObject({ body: { base64: bytes.toString('base64') }, contentLength: '256' });
    });

    it('express.urlencoded() parses it', async () => {
      const r = await post('/form', 'a=1&b=two%20words', { ...reading, 'content-type': 'application/x-www-form-urlencoded' });
      expect(JSON.parse(r.text)).toMatchObject({ body: { a: '1', b: 'two words' } });
    });

    it('a chunked upload reaches express.json() whole, with a Content-Length', async () => {
      const r = await postChunked('/json', ['{"a":', '[1,2', ',3]}'], { ...reading, 'content-type': 'application/json' });
      expect(r.headers['x-guest-read']).toBe('{"a":[1,2,3]}');
      expect(JSON.parse(r.text)).toEqual({ body: { a: [1, 2, 3] }, contentLength: '13' });
    });
  });

  describe('without buffer_request, the bytes the guest read are consumed', () => {
    it('a handler reading the stream sees only the remainder', async () => {
      const r = await post('/stream', 'HEAD:rest of the body', { 'x-guest-read': '5' });
      expect(r.headers['x-guest-read']).toBe('HEAD:');
      expect(JSON.parse(r.text)).toEqual({ text: 'rest of the body', contentLength: '16' });
    });

    it('express.text() parses the remainder', async () => {
      const r = await post('/text', '12345remainder', { 'x-guest-read': '5', 'content-type': 'text/plain' });
      expect(JSON.parse(r.text)).toMatchObject({ body: 'remainder', contentLength: '9' });
    });

    it('nothing is left after the guest read it all', async () => {
      const r = await post('/stream', 'all gone', { 'x-guest-read': 'all' });
      expect(JSON.parse(r.text)).toEqual({ text: '', contentLength: '0' });
    });
  });

  describe('a body the guest wrote', () => {
    const replacement = '{"replaced":true}';

    it('replaces the original, with its own Content-Length', async () => {
      const r = await post('/json', '{"original":"a much longer body than the replacement"}', {
        'x-guest-write-request': replacement, 'content-type': 'application/json',
      });
      expect(JSON.parse(r.text)).toEqual({ body: { replaced: true }, contentLength: String(replacement.length) });
    });

    it('replaces a chunked upload, which reaches the app as Content-Length framing', async () => {
      const r = await postChunked('/json', ['{"orig', 'inal":1}'], { 'x-guest-write-request': replacement, 'content-type': 'application/json' });
      expect(JSON.parse(r.text)).toEqual({ body: { replaced: true }, contentLength: String(replacement.length) });
    });

    it('gives a request that had no body one', async () => {
      const r = await send(served.url, { method: 'POST', path: '/stream', headers: { 'x-guest-write-request': 'from the guest' } });
      expect(JSON.parse(r.text)).toEqual({ text: 'from the guest', contentLength: '14' });
    });
  });

  describe('a guest that does not read bodies', () => {
    it('leaves the stream to the app: express.json() parses it', async () => {
      const r = await post('/untouched/json', '{"ok":1}', { 'content-type': 'application/json' });
      expect(JSON.parse(r.text)).toEqual({ body: { ok: 1 }, contentLength: '8' });
    });

    it('leaves a chunked upload chunked', async () => {
      const r = await postChunked('/untouched/stream', ['one ', 'two'], {});
      expect(JSON.parse(r.text)).toEqual({ text: 'one two', transferEncoding: 'chunked' });
    });
  });

  describe('a body over maxBodyBytes', () => {
    it('is refused with 413 from its Content-Length, and the server keeps serving', async () => {
      const r = await post('/json', 'x'.repeat(MAX_BODY + 1), { ...BUFFER_REQUEST, 'x-guest-read': 'all' });
      expect(r.status).toBe(413);
      expect(r.text).toBe('Payload Too Large\n');
      const after = await post('/text', 'still here', { 'content-type': 'text/plain' });
      expect(JSON.parse(after.text)).toMatchObject({ body: 'still here' });
    });

    it('is refused with 413 while a chunked upload streams in', async () => {
      const r = await postChunked('/stream', ['y'.repeat(600), 'y'.repeat(600)], {});
      expect(r.status).toBe(413);
      const after = await post('/text', 'still here', { 'content-type': 'text/plain' });
      expect(after.status).toBe(200);
    });

    it('stops reading a large upload: 413, and the connection is closed rather than drained', async () => {
      const r = await postChunked('/stream', Array.from({ length: 64 }, () => 'w'.repeat(64 * 1024)), {});
      expect(r.status).toBe(413);
      expect(r.headers.connection).toBe('close');
    });

    it('is accepted at exactly maxBodyBytes', async () => {
      const r = await post('/stream', 'z'.repeat(MAX_BODY), { ...BUFFER_REQUEST, 'x-guest-read': 'all' });
      expect(r.status).toBe(200);
      expect(JSON.parse(r.text).text).toHaveLength(MAX_BODY);
    });

    it('leaves no instance in use', () => {
      expect(directed.stats().inUse).toBe(0);
    });
  });
});
