// The example guests, run against the fake host.
import { beforeAll, describe, expect, it } from 'vitest';
import { FakeHost, bodyText, compileGuest, header, headerValues } from './fake-host';
import { ensureGuestsBuilt, guestUrl } from './guests';

beforeAll(ensureGuestsBuilt, 240_000);

async function start(name: string, configure?: (host: FakeHost) => void) {
  const host = new FakeHost();
  configure?.(host);
  const instance = host.instantiate(await compileGuest(guestUrl(name)));
  return { host, instance };
}

describe('noop', () => {
  it('returns next=1 with no ctx and touches nothing', async () => {
    const { host, instance } = await start('noop');
    const outcome = host.handle(instance, { uri: '/a?b=c', headers: [['x', '1']] }, (ex) => {
      ex.responseBody = new TextEncoder().encode('from the app');
    });
    expect(outcome.next).toBe(true);
    expect(outcome.ctx).toBe(0);
    expect(host.calls).toEqual([]);
    expect(outcome.exchange.uri).toBe('/a?b=c');
    expect(bodyText(outcome.exchange.responseBody)).toBe('from the app');
  });
});

describe('set-header', () => {
  it('adds x-wasm-request to the request and x-wasm: 1 to the response', async () => {
    const { host, instance } = await start('set-header');
    let seenByApp: string[] = [];
    const outcome = host.handle(instance, { headers: [['X-Wasm-Request', 'client']] }, (ex) => {
      seenByApp = headerValues(ex.requestHeaders, 'x-wasm-request');
    });
    expect(outcome.next).toBe(true);
    expect(seenByApp).toEqual(['client', '1']);
    expect(header(outcome.exchange, 'x-wasm')).toBe('1');
  });
});

describe('rewrite', () => {
  it("rewrites Dapr's /v1.0/hi?name=panda to /v1.0/hello?name=teddy and continues", async () => {
    const { host, instance } = await start('rewrite');
    let seenByApp = '';
    const outcome = host.handle(instance, { uri: '/v1.0/hi?name=panda' }, (ex) => (seenByApp = ex.uri));
    expect(outcome.next).toBe(true);
    expect(seenByApp).toBe('/v1.0/hello?name=teddy');
  });

  it('leaves other URIs alone, without calling set_uri', async () => {
    const { host, instance } = await start('rewrite');
    for (const uri of ['/v1.0/hi?name=grizzly', '/v1.0/hi', '/']) {
      const outcome = host.handle(instance, { uri });
      expect(outcome.next).toBe(true);
      expect(outcome.exchange.uri).toBe(uri);
      expect(host.callsTo('set_uri')).toEqual([]);
    }
  });

  it('reads a short URI with one call into the scratch buffer', async () => {
    const { host, instance } = await start('rewrite');
    host.handle(instance, { uri: '/v1.0/hi?name=panda' });
    const reads = host.callsTo('get_uri');
    expect(reads).toHaveLength(1);
    expect(reads[0]!.args[1]).toBe(2048);
  });

  it('retries a URI longer than the scratch buffer with an exact-size buffer', async () => {
    const { host, instance } = await start('rewrite');
    const uri = '/v1.0/hi?name=' + 'p'.repeat(5000);
    const outcome = host.handle(instance, { uri });
    const reads = host.callsTo('get_uri');
    expect(reads).toHaveLength(2);
    expect(reads[0]!.args[1]).toBe(2048);
    expect(reads[1]!.args[1]).toBe(uri.length);
    expect(reads[1]!.args[0]).not.toBe(reads[0]!.args[0]);
    expect(outcome.exchange.uri).toBe(uri);
  });
});

describe('router', () => {
  it('strips /host and continues to the app', async () => {
    const { host, instance } = await start('router');
    for (const [from, to] of [
      ['/host/v1.0/hi?name=panda', '/v1.0/hi?name=panda'],
      ['/host', '/'],
      ['/host?x=1', '/?x=1'],
    ]) {
      const outcome = host.handle(instance, { uri: from });
      expect(outcome.next, from).toBe(true);
      expect(outcome.exchange.uri, from).toBe(to);
    }
  });

  it('answers anything else with a static text/plain "hello"', async () => {
    const { host, instance } = await start('router');
    for (const uri of ['/', '/hostile', '/v1.0/hi']) {
      const outcome = host.handle(instance, { uri });
      expect(outcome.next, uri).toBe(false);
      expect(outcome.exchange.status).toBe(200);
      expect(header(outcome.exchange, 'content-type')).toBe('text/plain');
      expect(bodyText(outcome.exchange.responseBody)).toBe('hello');
      expect(outcome.exchange.uri).toBe(uri);
    }
  });
});

describe('echo-config', () => {
  it('writes the configuration as the body and skips the app', async () => {
    const { host, instance } = await start('echo-config', (h) => {
      h.config = new TextEncoder().encode('{"environment":"production"}');
    });
    const outcome = host.handle(instance);
    expect(outcome.next).toBe(false);
    expect(bodyText(outcome.exchange.responseBody)).toBe('{"environment":"production"}');
  });

  it('copies bytes exactly, including NUL and invalid UTF-8', async () => {
    const config = Uint8Array.from([0, 1, 0xff, 0xfe, 0x80, 10, 0]);
    const { host, instance } = await start('echo-config', (h) => (h.config = config));
    expect(host.handle(instance).exchange.responseBody).toEqual(config);
  });

  it('answers an empty body when there is no configuration', async () => {
    const { host, instance } = await start('echo-config');
    const outcome = host.handle(instance);
    expect(outcome.exchange.responseBody).toEqual(new Uint8Array(0));
    expect(host.callsTo('write_body')).toHaveLength(1);
  });

  it('reads a configuration larger than the scratch buffer with one sized retry', async () => {
    const config = new Uint8Array(100_000).map((_, i) => i % 251);
    const { host, instance } = await start('echo-config', (h) => (h.config = config));
    const outcome = host.handle(instance);
    expect(Buffer.from(outcome.exchange.responseBody).equals(config)).toBe(true);
    expect(host.callsTo('get_config').map((c) => c.args[1])).toEqual([2048, 100_000]);
  });
});
