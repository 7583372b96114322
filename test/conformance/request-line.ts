/**
 * The request line and the client: get_method, get_uri, get_protocol_version, get_source_addr,
 * with the buf_limit protocol on each (limit 0 returns the length and writes nothing, one byte
 * short writes nothing, the exact length fits).
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask, echoed } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { INSPECT_GUEST, MUTATE_GUEST } from './guests.js';
import { sendRaw } from './http-client.js';
import { fromHex, type Report } from './report.js';

/** Checks a getter's probe report for `expected`, byte for byte. */
export function expectProbe(report: Report, expected: Uint8Array | string): void {
  const bytes = Buffer.from(expected as Uint8Array);
  expect(report, JSON.stringify(report)).toMatchObject({
    len0: String(bytes.length),
    untouched0: '1',
    lenExact: String(bytes.length),
    guard: '1',
  });
  if (bytes.length > 0) expect(report).toMatchObject({ lenShort: String(bytes.length), untouchedShort: '1' });
  expect(fromHex(report.value).equals(bytes), `value ${report.value}`).toBe(true);
}

export function describeRequestLine(target: Target): void {
  describe('request line and client', () => {
    const app = appFor(target, INSPECT_GUEST, 'echo');
    const mutate = appFor(target, MUTATE_GUEST, 'echo');
    const it = casesFor(target);
    const caps = capabilitiesOf(target.name);

    it('get_method/each', 'reports the method of the request line', async () => {
      for (const method of ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'PURGE']) {
        const { answer, report } = await ask(app().url, 'get_method', { method, body: method === 'POST' ? 'x' : undefined });
        expect(answer.status, method).toBe(200);
        expect(report.method).toBe(method);
      }
      // HEAD answers carry no body: the guest also reports in a header.
      const head = await ask(app().url, 'get_method', { method: 'HEAD' });
      expect(head.answer.header('x-method')).toBe('HEAD');
    });

    it('get_method/buf_limit', 'follows the buf_limit protocol', async () => {
      const { report } = await ask(app().url, 'probe', { method: 'DELETE', headers: [['x-getter', 'get_method']] });
      expectProbe(report, 'DELETE');
    });

    it('get_uri/raw', 'returns the request-target as sent: escapes kept, query included', async () => {
      const targets = [
        '/',
        '/plain',
        '/a%2Fb%20c?x=%20y&z',
        '/%E2%82%AC/caf%C3%A9?q=%E2%82%AC',
        '//double//slashes/',
        '/search?q=a+b&q=c&empty=',
        '/trailing?',
      ];
      for (const t of targets) {
        const { report } = await ask(app().url, 'get_uri', { target: t });
        expect(report.uri, t).toBe(t);
      }
    });

    it('get_uri/absolute-form', 'reduces an absolute-form target to path and query, "/" when it has no path', async () => {
      const withPath = await ask(app().url, 'get_uri', { target: 'http://example.com/abs/p%20q?x=1' });
      expect(withPath.report.uri).toBe('/abs/p%20q?x=1');
      const bare = await ask(app().url, 'get_uri', { target: 'http://example.com' });
      expect(bare.report.uri).toBe('/');
    });

    it('get_uri/buf_limit', 'follows the buf_limit protocol', async () => {
      const { report } = await ask(app().url, 'probe', { target: '/probe/me?please=1', headers: [['x-getter', 'get_uri']] });
      expectProbe(report, '/probe/me?please=1');
    });

    it('get_protocol_version/wire', 'reports the version spoken (HTTP/1.1, or HTTP/2.0), with the buf_limit protocol', async () => {
      const spoken = caps.wire === 'h2' ? 'HTTP/2.0' : 'HTTP/1.1';
      const { report } = await ask(app().url, 'get_protocol_version');
      expect(report.protocol).toBe(spoken);
      const probe = await ask(app().url, 'probe', { headers: [['x-getter', 'get_protocol_version']] });
      expectProbe(probe.report, spoken);
    });

    it('get_protocol_version/http1.0', 'reports HTTP/1.0 for a 1.0 request (HTTP/1.1 where the runtime cannot tell)', async () => {
      const host = new URL(app().url).host;
      const raw = await sendRaw(app().url, `GET / HTTP/1.0\r\nHost: ${host}\r\nConnection: close\r\nx-case: get_protocol_version\r\n\r\n`);
      expect(raw).toMatch(/^HTTP\/1\.[01] 200 /);
      expect(raw).toContain(`protocol=${caps.httpVersion ? 'HTTP/1.0' : 'HTTP/1.1'}\n`);
    });

    it('get_source_addr/loopback', 'reports 127.0.0.1:<the client port> (port 0 where the runtime hides it), with the buf_limit protocol', async () => {
      const port = (answer: { localPort: number }) => (caps.clientPort ? answer.localPort : 0);
      const { answer, report } = await ask(app().url, 'get_source_addr');
      expect(report.addr).toBe(`127.0.0.1:${port(answer)}`);
      const probe = await ask(app().url, 'probe', { headers: [['x-getter', 'get_source_addr']] });
      expectProbe(probe.report, `127.0.0.1:${port(probe.answer)}`);
    });

    it('set_method/next', 'the app sees the method the guest set', async () => {
      for (const [from, to] of [['GET', 'PATCH'], ['POST', 'DELETE'], ['GET', 'PURGE']]) {
        const { answer } = await ask(mutate().url, 'set_method', { method: from, headers: [['x-set-method', to]] });
        expect(echoed(answer).method, `${from} -> ${to}`).toBe(to);
      }
    });

    it('set_uri/next', 'the app sees the URI the guest set, raw; a URI without "?" drops the old query', async () => {
      const cases: Array<[from: string, to: string]> = [
        ['/old?q=1&r=2', '/new'],
        ['/old?q=1', '/new/path?x=%20y&z=%2F'],
        ['/old', '/with/%E2%82%AC/escapes%2Fkept'],
        ['/old?keep=no', '/'],
        ['/old?q=1', '/new?'],
      ];
      for (const [from, to] of cases) {
        const { answer } = await ask(mutate().url, 'set_uri', { target: from, headers: [['x-set-uri', to]] });
        expect(echoed(answer).uri, `${from} -> ${to}`).toBe(to);
      }
    });
  });
}
