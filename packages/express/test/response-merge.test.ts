/**
 * What the guest sets before next (headers, status, body) merges with what the Express app then
 * produces: the app's setHeader wins for the same name, other names add up, the app's status wins
 * over the guest's, and guest body bytes go first, with the Content-Length counting them.
 * Both with the response streamed straight through and with buffer_response.
 */
import { readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

const greetingPath = fileURLToPath(new URL('./fixtures/greeting.txt', import.meta.url));
const greeting = readFileSync(greetingPath, 'utf8');

const modes: [string, Record<string, string>][] = [
  ['streamed', {}],
  ['buffered', { 'x-guest-features': '2' }],
];

describe.each(expressVersions)('%s: merging the guest\'s response with the app\'s', (version, express) => {
  const wasm = daprWasm(directedGuest());
  let served: Served;

  beforeAll(async () => {
    await wasm.ready;
    const app = express();
    app.use(wasm);
    app.get('/app-headers', (_q, s) => void s.set({ 'x-shared': 'app', 'x-app-only': 'app' }).send('body'));
    app.get('/app-appends', (_q, s) => void s.append('x-shared', 'app').send('body'));
    app.get('/app-status', (_q, s) => void s.status(201).send('created'));
    app.get('/plain', (_q, s) => void s.send('app'));
    app.get('/json', (_q, s) => void s.json({ a: 1 }));
    app.get('/empty-string', (_q, s) => void s.send(''));
    app.get('/nothing', (_q, s) => void s.end());
    app.get('/chunks', (_q, s) => {
      s.write('a');
      s.end('b');
    });
    app.get('/file', (_q, s) => s.sendFile(greetingPath));
    app.get('/write-head-array', (_q, s) => void s.writeHead(200, ['x-shared', 'app', 'content-type', 'text/plain']).end('app'));
    app.get('/write-head', (_q, s) => void s.writeHead(200, { 'content-length': '3', 'content-type': 'text/plain' }).end('app'));
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await wasm.close();
  });

  describe.each(modes)('%s', (_mode, features) => {
    const get = (path: string, headers: Record<string, string>) => send(served.url, { path, headers: { ...features, ...headers } });

    describe('headers set before next', () => {
      it('lose to the app\'s for the same name and add up with the others', async () => {
        const r = await get('/app-headers', { 'x-guest-pre-headers': '1' });
        expect(r.headers['x-shared']).toBe('app');
        expect(r.headers['x-guest-only']).toBe('guest');
        expect(r.headers['x-app-only']).toBe('app');
      });

      it('are replaced by a flat-array writeHead of the same name, as Node does', async () => {
        const r = await get('/write-head-array', { 'x-guest-pre-headers': '1', 'x-guest-pre-body': 'guest:' });
        expect(r.headers['x-shared']).toBe('app');
        expect(r.text).toBe('guest:app');
      });

      it('gain the values the app appends', async () => {
        const r = await get('/app-appends', { 'x-guest-pre-headers': '1' });
        expect(r.headers['x-shared']).toBe('guest, app');
      });
    });

    describe('a status set before next', () => {
      it('reaches the client when the app sets none', async () => {
        const r = await get('/plain', { 'x-guest-pre-status': '202' });
        expect(r.status).toBe(202);
        expect(r.text).toBe('app');
      });

      it('loses to the app\'s own', async () => {
        const r = await get('/app-status', { 'x-guest-pre-status': '202' });
        expect(r.status).toBe(201);
      });
    });

    describe('a body written before next', () => {
      const pre = { 'x-guest-pre-body': 'guest:' };

      it('reaches the client when the app ends without a body', async () => {
        const r = await get('/nothing', pre);
        expect(r.status).toBe(200);
        expect(r.text).toBe('guest:');
      });

      it('reaches the client when the app sends an empty string, Content-Length counting it', async () => {
        const r = await get('/empty-string', pre);
        expect(r.text).toBe('guest:');
        expect(r.headers['content-length']).toBe('6');
      });

      it('goes before res.send\'s body, Content-Length counting both', async () => {
        const r = await get('/plain', pre);
        expect(r.text).toBe('guest:app');
        expect(r.headers['content-length']).toBe('9');
      });

      it('goes before res.json\'s body', async () => {
        const r = await get('/json', pre);
        expect(r.text).toBe('guest:{"a":1}');
        expect(r.headers['content-length']).toBe('13');
      });

      it('goes before a body the app writes in pieces', async () => {
        const r = await get('/chunks', pre);
        expect(r.text).toBe('guest:ab');
      });

      it('goes before a file from res.sendFile, Content-Length counting both', async () => {
        const r = await get('/file', pre);
        expect(r.text).toBe(`guest:${greeting}`);
        expect(r.headers['content-length']).toBe(String(6 + greeting.length));
      });

      it('goes before a body whose Content-Length the app gave to writeHead', async () => {
        const r = await get('/write-head', pre);
        expect(r.text).toBe('guest:app');
        expect(r.headers['content-length']).toBe('9');
      });
    });
  });

  it('a prefixed response leaves the connection usable for the next request', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    try {
      const first = await send(served.url, { path: '/write-head', headers: { 'x-guest-pre-body': 'guest:' }, agent });
      const second = await send(served.url, { path: '/plain', agent });
      expect([first.text, second.text]).toEqual(['guest:app', 'app']);
    } finally {
      agent.destroy();
    }
  });
});
