/**
 * With buffer_response, whatever way an Express handler produces its response is captured, handed
 * to handle_response, and replaced by what the guest made of it: the client receives the guest's
 * status, headers and body, framed with a Content-Length that matches.
 */
import { createReadStream, readFileSync } from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { Readable } from 'node:stream';
import type { RequestHandler } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

const greetingPath = fileURLToPath(new URL('./fixtures/greeting.txt', import.meta.url));
const greeting = readFileSync(greetingPath, 'utf8');

interface Producer {
  path: string;
  handler: RequestHandler;
  status: number;
  type: string | undefined;
  body: string;
  /** Values of the app's x-app header, as the guest reads them ('|'-joined). */
  app?: string;
}

const producers: Record<string, Producer> = {
  'res.send(string)': { path: '/send-string', handler: (_q, s) => void s.send('hello'), status: 200, type: 'text/html; charset=utf-8', body: 'hello' },
  'res.send(Buffer)': { path: '/send-buffer', handler: (_q, s) => void s.send(Buffer.from('bytes')), status: 200, type: 'application/octet-stream', body: 'bytes' },
  'res.json': { path: '/json', handler: (_q, s) => void s.json({ a: 1 }), status: 200, type: 'application/json; charset=utf-8', body: '{"a":1}' },
  'res.status().end()': { path: '/status-end', handler: (_q, s) => void s.status(201).end(), status: 201, type: undefined, body: '' },
  'res.write()...res.end()': {
    path: '/write-end',
    handler: (_q, s) => {
      s.setHeader('content-type', 'text/plain');
      s.write('a');
      s.write(Buffer.from('b'));
      s.end('c');
    },
    status: 200, type: 'text/plain', body: 'abc',
  },
  'res.writeHead(status, object)': {
    path: '/write-head-object',
    handler: (_q, s) => void s.writeHead(202, { 'x-app': 'one', 'content-type': 'text/plain' }).end('head'),
    status: 202, type: 'text/plain', body: 'head', app: 'one',
  },
  'res.writeHead(status, reason, flat array)': {
    path: '/write-head-array',
    handler: (_q, s) => void s.writeHead(202, 'Taken', ['x-app', 'one', 'x-app', 'two', 'content-type', 'text/plain']).end('flat'),
    status: 202, type: 'text/plain', body: 'flat', app: 'one|two',
  },
  'res.writeHead(status, array of pairs)': {
    path: '/write-head-pairs',
    handler: (_q, s) => void s.writeHead(202, [['x-app', 'one'], ['content-type', 'text/plain']]).end('pairs'),
    status: 202, type: 'text/plain', body: 'pairs', app: 'one',
  },
  'a Readable piped into res': {
    path: '/pipe-readable',
    handler: (_q, s) => {
      s.type('text/plain');
      Readable.from(['p1', 'p2', 'p3']).pipe(s);
    },
    status: 200, type: 'text/plain; charset=utf-8', body: 'p1p2p3',
  },
  'fs.createReadStream piped into res': {
    path: '/pipe-file',
    handler: (_q, s) => void createReadStream(greetingPath).pipe(s.type('text/plain')),
    status: 200, type: 'text/plain; charset=utf-8', body: greeting,
  },
  'res.sendFile': { path: '/send-file', handler: (_q, s) => s.sendFile(greetingPath), status: 200, type: 'text/plain; charset=utf-8', body: greeting },
  'res.redirect': { path: '/redirect', handler: (_q, s) => s.redirect('/elsewhere'), status: 302, type: 'text/plain; charset=utf-8', body: 'Found. Redirecting to /elsewhere' },
};

const lowerCase = (v: string | string[] | undefined) => (typeof v === 'string' ? v.toLowerCase() : v);

const BUFFER_RESPONSE = { 'x-guest-features': '2' };
const REWRITE = { ...BUFFER_RESPONSE, 'x-guest-status': '203', 'x-guest-content-type': 'text/x-wrapped', 'x-guest-wrap': '1' };

describe.each(expressVersions)('%s: capturing the response for handle_response', (version, express) => {
  const wasm = daprWasm(directedGuest());
  let served: Served;

  beforeAll(async () => {
    await wasm.ready;
    const app = express();
    app.use(wasm);
    for (const p of Object.values(producers)) app.get(p.path, p.handler);
    app.get('/write-head-replaces', (_q, s) => {
      s.setHeader('x-app', 'old');
      s.writeHead(200, ['x-app', 'new', 'x-app', 'newer', 'content-type', 'text/plain']).end('replaced');
    });
    app.get('/no-content', (_q, s) => void s.sendStatus(204));
    app.get('/etagged', (_q, s) => void s.set('etag', '"v1"').send('cached body'));
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await wasm.close();
  });

  describe.each(Object.entries(producers))('%s', (_name, p) => {
    it('is what handle_response reads', async () => {
      const r = await send(served.url, { path: p.path, headers: BUFFER_RESPONSE });
      expect(r.headers['x-seen-status']).toBe(String(p.status));
      // send (behind res.sendFile) spells the charset UTF-8 on Express 4.
      expect(lowerCase(r.headers['x-seen-type'])).toBe(p.type);
      expect(r.headers['x-seen-length']).toBe(String(Buffer.byteLength(p.body)));
      expect(r.headers['x-seen-error']).toBe('0');
      expect(r.headers['x-seen-app']).toBe(p.app);
    });

    it('reaches the client unchanged when the guest only reads it', async () => {
      const r = await send(served.url, { path: p.path, headers: BUFFER_RESPONSE });
      expect(r.status).toBe(p.status);
      expect(r.text).toBe(p.body);
      expect(lowerCase(r.headers['content-type'])).toBe(p.type);
      if (p.body.length) expect(r.headers['content-length']).toBe(String(Buffer.byteLength(p.body)));
    });

    it('reaches the client as the guest rewrote it: status, header and body', async () => {
      const r = await send(served.url, { path: p.path, headers: REWRITE });
      const wrapped = `<w>${p.body}</w>`;
      expect(r.status).toBe(203);
      expect(r.headers['content-type']).toBe('text/x-wrapped');
      expect(r.text).toBe(wrapped);
      expect(r.headers['content-length']).toBe(String(Buffer.byteLength(wrapped)));
      expect(r.headers['transfer-encoding']).toBeUndefined();
    });
  });

  it('captures the 404 of Express\'s final handler', async () => {
    const r = await send(served.url, { path: '/nowhere', headers: REWRITE });
    expect(r.headers['x-seen-status']).toBe('404');
    expect(r.headers['x-seen-type']).toBe('text/html; charset=utf-8');
    expect(r.status).toBe(203);
    expect(r.text).toMatch(/^<w><!DOCTYPE html>[\s\S]*Cannot GET \/nowhere[\s\S]*<\/w>$/);
    expect(r.headers['content-length']).toBe(String(Buffer.byteLength(r.text)));
  });

  it('keeps the 404 when the guest only adds to it', async () => {
    const r = await send(served.url, { path: '/nowhere', headers: BUFFER_RESPONSE });
    expect(r.status).toBe(404);
    expect(r.text).toContain('Cannot GET /nowhere');
  });

  // Node's writeHead lets a name in its array form override the value set earlier (Node 20 sets
  // each pair, so the last wins; later versions replace, then append each pair): either way the
  // earlier value is gone, and the guest must read what the client gets.
  it('res.writeHead(status, flat array) overrides values set earlier, as Node does', async () => {
    const control = await send(served.url, { path: '/write-head-replaces' });
    expect(control.headers['x-app']).not.toContain('old');
    const r = await send(served.url, { path: '/write-head-replaces', headers: BUFFER_RESPONSE });
    expect(r.headers['x-app']).toContain('newer');
    expect(r.headers['x-app']).not.toContain('old');
    expect(r.headers['x-seen-app']).toBe(String(r.headers['x-app']).split(', ').join('|'));
  });

  describe('HEAD', () => {
    it('shows the guest the status and headers and an empty body', async () => {
      const r = await send(served.url, { method: 'HEAD', path: '/send-string', headers: BUFFER_RESPONSE });
      expect(r.headers['x-seen-status']).toBe('200');
      expect(r.headers['x-seen-type']).toBe('text/html; charset=utf-8');
      expect(r.headers['x-seen-length']).toBe('0');
      expect(r.body).toHaveLength(0);
    });

    it('sends the rewritten status and headers without a body', async () => {
      const r = await send(served.url, { method: 'HEAD', path: '/json', headers: { ...BUFFER_RESPONSE, 'x-guest-status': '203', 'x-guest-content-type': 'text/x-wrapped' } });
      expect(r.status).toBe(203);
      expect(r.headers['content-type']).toBe('text/x-wrapped');
      expect(r.body).toHaveLength(0);
    });

    it('keeps the Content-Length a GET would have', async () => {
      const r = await send(served.url, { method: 'HEAD', path: '/send-string', headers: BUFFER_RESPONSE });
      expect(r.headers['content-length']).toBe('5');
    });
  });

  describe('responses without a body', () => {
    const keepAlive = new http.Agent({ keepAlive: true, maxSockets: 1 });
    afterAll(() => keepAlive.destroy());

    it('204: no body even when the guest writes one, and the connection stays usable', async () => {
      const r = await send(served.url, { path: '/no-content', headers: REWRITE, agent: keepAlive });
      expect(r.headers['x-seen-status']).toBe('204');
      expect(r.status).toBe(203);
      // The guest turned it into a 203, which has a body.
      expect(r.text).toBe('<w></w>');
      const plain = await send(served.url, { path: '/no-content', headers: { ...BUFFER_RESPONSE, 'x-guest-wrap': '1' }, agent: keepAlive });
      expect(plain.status).toBe(204);
      expect(plain.body).toHaveLength(0);
      expect(plain.headers['content-length']).toBeUndefined();
      const next = await send(served.url, { path: '/send-string', agent: keepAlive });
      expect(next.text).toBe('hello');
    });

    it('304 from Express\'s freshness check: no body, and the connection stays usable', async () => {
      const headers = { ...BUFFER_RESPONSE, 'x-guest-wrap': '1', 'if-none-match': '"v1"' };
      const r = await send(served.url, { path: '/etagged', headers, agent: keepAlive });
      expect(r.headers['x-seen-status']).toBe('304');
      expect(r.status).toBe(304);
      expect(r.body).toHaveLength(0);
      const next = await send(served.url, { path: '/send-string', agent: keepAlive });
      expect(next.text).toBe('hello');
    });
  });
});
