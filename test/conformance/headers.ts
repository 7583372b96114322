/**
 * Header functions on request and response headers: NUL-terminated count_len lists with the
 * buf_limit protocol, lower-cased names, case-insensitive lookups, and each field line its own
 * value (never split on commas, never joined).
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor } from './app.js';
import { ask, echoed, expectResponseLines, requestLines, seenHeader } from './ask.js';
import { capabilitiesOf } from './capabilities.js';
import { casesFor } from './case.js';
import { INSPECT_GUEST, MUTATE_GUEST } from './guests.js';
import type { FieldLine } from './http-client.js';
import { countLen, fromHex, nulTerminated, type Report } from './report.js';

/** Checks a count_len probe report and returns the strings the host wrote. */
export function expectListProbe(report: Report): string[] {
  const values = nulTerminated(fromHex(report.raw));
  const { count, len } = countLen(values);
  expect(report, JSON.stringify(report)).toMatchObject({
    count: String(count),
    len: String(len),
    count0: String(count),
    len0: String(len),
    untouched0: '1',
    guard: '1',
  });
  if (len > 0) expect(report.untouchedShort).toBe('1');
  return values;
}

const repeated: FieldLine[] = [
  ['X-Mixed-Case', 'v'],
  ['x-dup', 'a'],
  ['X-Dup', 'b, c'],
];

export function describeHeaders(target: Target): void {
  describe('headers', () => {
    const inspect = appFor(target, INSPECT_GUEST, 'echo');
    const mutate = appFor(target, MUTATE_GUEST, 'echo');
    const it = casesFor(target);
    const caps = capabilitiesOf(target.name);
    // Where the runtime joins repeated request lines, the guest and the app see them joined.
    const dup = requestLines(['a', 'b, c'], caps.distinctRequestLines);

    it('get_header_names/request', 'lists each name once, lower-cased, NUL-terminated, with the buf_limit protocol', async () => {
      const { report } = await ask(inspect().url, 'get_header_names', { headers: repeated });
      const names = expectListProbe(report);
      expect(names).toContain('x-mixed-case');
      expect(names).toContain('x-case');
      expect(names.filter((n) => n === 'x-dup')).toHaveLength(1);
      for (const n of names) expect(n, 'names come back lower-cased').toBe(n.toLowerCase());
    });

    it('get_header_values/multi', 'returns two field lines of one name as two values, never comma-joined or split', async () => {
      const { report } = await ask(inspect().url, 'get_header_values', { headers: [...repeated, ['x-name', 'x-dup']] });
      expect(expectListProbe(report)).toEqual(dup);
      // count_len for "a\0b, c\0" is 2<<32 | 7 (one joined value: 1<<32 | 8).
      expect(report).toMatchObject(caps.distinctRequestLines ? { count: '2', len: '7' } : { count: '1', len: '8' });
    });

    it('get_header_values/case-insensitive', 'finds a header whatever the case of the name asked for', async () => {
      for (const name of ['X-DUP', 'x-Dup', 'X-MIXED-CASE']) {
        const { report } = await ask(inspect().url, 'get_header_values', { headers: [...repeated, ['x-name', name]] });
        expect(expectListProbe(report).length, name).toBeGreaterThan(0);
      }
    });

    it('get_header_values/absent', 'returns count_len 0 and writes nothing for a header not sent', async () => {
      const { report } = await ask(inspect().url, 'get_header_values', { headers: [['x-name', 'x-not-sent']] });
      expect(report).toMatchObject({ count0: '0', len0: '0', count: '0', len: '0', raw: '', untouched0: '1', guard: '1' });
    });

    it('get_header_values/empty-value', 'returns an empty value as one NUL', async () => {
      const { report } = await ask(inspect().url, 'get_header_values', { headers: [['x-empty', ''], ['x-name', 'x-empty']] });
      expect(expectListProbe(report)).toEqual(['']);
      expect(report).toMatchObject({ count: '1', len: '1' });
    });

    it('response_headers/before-next', 'sets, adds and removes response headers before next; added lines stay separate', async () => {
      const { answer, report } = await ask(inspect().url, 'response_headers');
      expect(expectListProbe(report)).toEqual(['one', 'two, three']);
      expect(answer.headerValues('x-guest')).toEqual(['set']);
      expectResponseLines(answer, 'x-guest-multi', ['one', 'two, three'], caps.distinctResponseLines);
      expect(answer.header('x-gone')).toBeUndefined();
    });

    it('set_header_value/request', 'replaces every field line of a name with one value, and adds a new name', async () => {
      const seen = echoed((await ask(mutate().url, 'set_header_value', { headers: repeated })).answer);
      expect(seenHeader(seen, 'x-dup')).toEqual(['replaced']);
      expect(seenHeader(seen, 'x-new')).toEqual(['new']);
      expect(seenHeader(seen, 'x-mixed-case')).toEqual(['v']);
    });

    it('add_header_value/request', 'adds a field line after the existing ones', async () => {
      const seen = echoed((await ask(mutate().url, 'add_header_value', { headers: repeated })).answer);
      expect(seenHeader(seen, 'x-dup')).toEqual([...dup, 'added']);
      expect(seenHeader(seen, 'x-fresh')).toEqual(['one', 'two']);
    });

    it('remove_header/request', 'removes every field line of a name, matched case-insensitively', async () => {
      const { answer } = await ask(mutate().url, 'remove_header', { headers: repeated });
      const seen = echoed(answer);
      expect(answer.status).toBe(200);
      expect(seenHeader(seen, 'x-dup')).toEqual([]);
      expect(seenHeader(seen, 'x-mixed-case')).toEqual(['v']);
    });

    it('response_headers/next', 'response headers set before next reach the client beside the app\'s own', async () => {
      const { answer } = await ask(mutate().url, 'response_headers');
      expect(answer.headerValues('x-guest')).toEqual(['set']);
      expectResponseLines(answer, 'x-guest-multi', ['one', 'two'], caps.distinctResponseLines);
      expect(answer.header('x-gone')).toBeUndefined();
      expect(answer.header('content-type')).toMatch(/^application\/json/);
      expect(echoed(answer).method).toBe('GET');
    });
  });
}
