// The SDK's use of the ABI, through the sdk.guest.ts fixture: probe and retry, NUL-terminated
// lists, packed results, body streaming, phases, ctx propagation, logging and abort.
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeHost, bodyText, compileGuest, header, headerValues, type RequestInit } from './fake-host';
import { ensureGuestsBuilt, guestUrl } from './guests';

let module: WebAssembly.Module;
beforeAll(async () => {
  await ensureGuestsBuilt();
  module = await compileGuest(guestUrl('test/sdk'));
}, 240_000);

function run(testCase: string, init: RequestInit = {}, configure?: (host: FakeHost) => void) {
  const host = new FakeHost();
  configure?.(host);
  const instance = host.instantiate(module);
  const headers = [['x-case', testCase] as [string, string], ...(init.headers ?? [])];
  const outcome = host.handle(instance, { ...init, headers }, (ex) => {
    ex.responseBody = new TextEncoder().encode('from the app');
  });
  return { host, instance, ...outcome, get: (name: string) => header(outcome.exchange, name) };
}

describe('request line', () => {
  it('reads method, uri, path, query, parameters, protocol and source address', () => {
    const r = run('request-line', { method: 'PATCH', uri: '/a%20b/c?name=kung+fu%20panda&x' });
    expect(r.next).toBe(false);
    expect(r.get('x-method')).toBe('PATCH');
    expect(r.get('x-uri')).toBe('/a%20b/c?name=kung+fu%20panda&x');
    expect(r.get('x-path')).toBe('/a%20b/c');
    expect(r.get('x-query')).toBe('name=kung+fu%20panda&x');
    expect(r.get('x-param-name')).toBe('kung+fu%20panda');
    expect(r.get('x-param-missing')).toBe('(null)');
    expect(r.get('x-protocol')).toBe('HTTP/1.1');
    expect(r.get('x-source')).toBe('127.0.0.1:54321');
  });

  it('reports an empty query for a URI without one', () => {
    const r = run('request-line', { uri: '/plain' });
    expect(r.get('x-path')).toBe('/plain');
    expect(r.get('x-query')).toBe('');
  });
});

describe('header values', () => {
  it('returns each field line as its own value, never split or joined', () => {
    const r = run('header-values', {
      headers: [['x-name', 'Accept'], ['accept', 'a/b, c/d'], ['ACCEPT', 'e/f']],
    });
    expect(headerValues(r.exchange.responseHeaders, 'x-value')).toEqual(['a/b, c/d', 'e/f']);
    expect(r.get('x-count')).toBe('2');
    expect(r.get('x-first')).toBe('a/b, c/d');
    expect(r.get('x-has')).toBe('1');
  });

  it('keeps empty values, which are just a NUL in the list', () => {
    const r = run('header-values', { headers: [['x-name', 'x-empty'], ['x-empty', ''], ['x-empty', 'v']] });
    expect(headerValues(r.exchange.responseHeaders, 'x-value')).toEqual(['', 'v']);
    expect(r.get('x-first')).toBe('');
  });

  it('answers an absent header with no values, null and has=false', () => {
    const r = run('header-values', { headers: [['x-name', 'x-missing']] });
    expect(headerValues(r.exchange.responseHeaders, 'x-value')).toEqual([]);
    expect(r.get('x-count')).toBe('0');
    expect(r.get('x-first')).toBe('(null)');
    expect(r.get('x-has')).toBe('0');
  });

  it('probes has() with a zero limit', () => {
    const r = run('header-values', { headers: [['x-name', 'x-big'], ['x-big', 'v']] });
    const probes = r.host.callsTo('get_header_values').filter((c) => c.args[4] === 0);
    expect(probes).toHaveLength(1);
  });

  it('retries values longer than the scratch buffer with an exact-size buffer', () => {
    const big = 'v'.repeat(3000);
    const r = run('header-values', { headers: [['x-name', 'x-big'], ['x-big', 'short'], ['x-big', big]] });
    expect(r.get('x-count')).toBe('2');
    expect(bodyText(r.exchange.responseBody)).toBe(big);
    const limits = r.host.callsTo('get_header_values').map((c) => c.args[4]);
    const list = 'short\0'.length + big.length + 1; // both values, each NUL-terminated
    // x-case, x-name, then getAll (scratch, retry), get (scratch, retry), has (probe).
    expect(limits).toEqual([2048, 2048, 2048, list, 2048, list, 0]);
  });

  it('decodes UTF-8 values', () => {
    const r = run('header-values', { headers: [['x-name', 'x-text'], ['x-text', 'héllo ✓']] });
    expect(bodyText(r.exchange.responseBody)).toBe('héllo ✓');
  });
});

describe('header names', () => {
  it('lists lower-cased names, once each', () => {
    const r = run('header-names', { headers: [['Content-Type', 'a'], ['X-Multi', '1'], ['x-multi', '2']] });
    expect(bodyText(r.exchange.responseBody).split('\n')).toEqual(['x-case', 'content-type', 'x-multi']);
  });

  it('retries a name list longer than the scratch buffer', () => {
    const headers = Array.from({ length: 300 }, (_, i) => [`x-header-number-${i}`, 'v'] as [string, string]);
    const r = run('header-names', { headers });
    expect(bodyText(r.exchange.responseBody).split('\n')).toHaveLength(301);
    expect(r.host.callsTo('get_header_names')).toHaveLength(2);
  });
});

describe('mutations and ctx', () => {
  it('changes method, path (keeping the query) and headers before next, and passes ctx on', () => {
    let seen = { method: '', uri: '', set: [] as string[], added: [] as string[], removed: [] as string[] };
    const host = new FakeHost();
    const instance = host.instantiate(module);
    const outcome = host.handle(
      instance,
      {
        uri: '/old?q=1',
        headers: [['x-case', 'mutate'], ['x-set', 'zero'], ['x-set', 'zero again'], ['x-remove-me', 'bye']],
      },
      (ex) => {
        seen = {
          method: ex.method,
          uri: ex.uri,
          set: headerValues(ex.requestHeaders, 'x-set'),
          added: headerValues(ex.requestHeaders, 'x-added'),
          removed: headerValues(ex.requestHeaders, 'x-remove-me'),
        };
      },
    );
    expect(outcome).toMatchObject({ next: true, ctx: 7 });
    expect(seen).toEqual({ method: 'POST', uri: '/new/path?q=1', set: ['one'], added: ['a', 'b'], removed: [] });
    expect(header(outcome.exchange, 'x-ctx')).toBe('7');
    expect(header(outcome.exchange, 'x-is-error')).toBe('0');
  });

  it('tells the response handler about a host error', () => {
    const host = new FakeHost();
    const instance = host.instantiate(module);
    const outcome = host.handle(instance, { headers: [['x-case', 'mutate']] }, undefined, true);
    expect(header(outcome.exchange, 'x-is-error')).toBe('1');
  });
});

describe('bodies', () => {
  it.each([0, 5, 2048, 4096, 5000, 70_000])('reads a %i-byte request body whole', (size) => {
    const body = new Uint8Array(size).map((_, i) => i % 256);
    const r = run('read-all', { body });
    expect(r.get('x-length')).toBe(String(size));
    expect(r.get('x-eof')).toBe('1');
    expect(Buffer.from(r.exchange.responseBody).equals(Buffer.from(body))).toBe(true);
    for (const call of r.host.callsTo('read_body')) expect(call.args[2]).toBeGreaterThan(0);
  });

  it('reads a body in caller-sized chunks until eof', () => {
    const body = 'x'.repeat(250);
    const r = run('read-chunks', { body });
    expect(r.get('x-chunks')).toBe('3');
    expect(bodyText(r.exchange.responseBody)).toBe(body);
    expect(r.host.callsTo('read_body').map((c) => c.args[2])).toEqual([100, 100, 100]);
  });

  it('never calls read_body with a zero limit', () => {
    const r = run('read-empty-buffer', { body: 'abc' });
    expect(r.get('x-read')).toBe('0');
    expect(r.host.callsTo('read_body')).toEqual([]);
  });

  it('sets status, and a first write replaces the body while later writes append', () => {
    const r = run('status-and-body');
    expect(r.exchange.status).toBe(418);
    expect(r.get('x-status-read')).toBe('418');
    expect(bodyText(r.exchange.responseBody)).toBe('abcdef');
  });

  it('reads and rewrites the response after next with buffer_response', () => {
    const r = run('buffer-response');
    expect(r.get('x-features')).toBe('2');
    expect(r).toMatchObject({ next: true, ctx: 8 });
    expect(r.exchange.status).toBe(201);
    expect(bodyText(r.exchange.responseBody)).toBe('FROM THE APP');
  });

  it('gives each phase fresh body state: a request body read to the end is replayed after next', () => {
    const r = run('reread-request', { body: 'payload' });
    expect(r.get('x-first-read')).toBe('payload');
    expect(bodyText(r.exchange.responseBody)).toBe('');
  });
});

describe('config, logging and abort', () => {
  it('decodes the configuration as UTF-8 text', () => {
    const r = run('config-text', {}, (h) => (h.config = new TextEncoder().encode('environment=prod ✓')));
    expect(bodyText(r.exchange.responseBody)).toBe('environment=prod ✓');
  });

  it('logs through the host, skipping empty messages', () => {
    const r = run('log', {}, (h) => (h.logLevel = 0));
    expect(r.get('x-debug-enabled')).toBe('0');
    expect(r.host.logs).toEqual([
      { level: 0, message: 'hello from the guest' },
      { level: 2, message: 'héllo' },
    ]);
    expect(run('log', {}, (h) => (h.logLevel = -1)).get('x-debug-enabled')).toBe('1');
  });

  it('logs an abort at error level with its location, then traps', () => {
    const host = new FakeHost();
    const instance = host.instantiate(module);
    expect(() => host.handle(instance, { headers: [['x-case', 'abort']] })).toThrow(WebAssembly.RuntimeError);
    expect(host.logs).toHaveLength(1);
    expect(host.logs[0]!.level).toBe(2);
    expect(host.logs[0]!.message).toMatch(/^abort: boom at .*sdk\.guest\.ts:\d+:\d+$/);
  });

  it('serves many requests on one instance', () => {
    const host = new FakeHost();
    const instance = host.instantiate(module);
    for (let i = 0; i < 200; i++) {
      const outcome = host.handle(instance, { uri: `/n/${i}?name=${i}`, headers: [['x-case', 'request-line']] });
      expect(header(outcome.exchange, 'x-param-name')).toBe(String(i));
    }
  });
});
