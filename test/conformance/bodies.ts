/**
 * Body functions: read_body (chunked reads up to EOF, the eof_len packing), write_body (the first
 * write in a phase replaces, later ones append), and what the app behind the middleware reads:
 * with buffer_request the guest's reads are replayed, without it they are consumed.
 */
import { describe, expect } from 'vitest';
import type { Target } from '../harness/types.js';
import { appFor, withApp } from './app.js';
import { ask, echoed, seenHeader } from './ask.js';
import { casesFor } from './case.js';
import { INSPECT_GUEST, MUTATE_GUEST } from './guests.js';
import { fromHex } from './report.js';

/** Checks the guest's read sizes ("2,2,1e"): full reads until the last, which says EOF. */
function expectReads(reads: string | undefined, chunk: number, total: number): void {
  expect(reads, 'x-reads header').toBeDefined();
  const steps = reads!.split(',');
  const last = steps.at(-1)!;
  expect(last.endsWith('e'), `the last read reports EOF: ${reads}`).toBe(true);
  const sizes = steps.map((s) => Number.parseInt(s, 10));
  for (const s of sizes.slice(0, -1)) expect(s, `only the last read may be short: ${reads}`).toBe(chunk);
  expect(sizes.reduce((a, b) => a + b, 0)).toBe(total);
}

const sample = 'The quick brown fox jumps over the lazy dog.';

export function describeBodies(target: Target): void {
  describe('bodies', () => {
    const inspect = appFor(target, INSPECT_GUEST, 'echo');
    const mutate = appFor(target, MUTATE_GUEST, 'echo');
    const mutateSilent = appFor(target, MUTATE_GUEST, 'silent');
    const mutateJson = appFor(target, MUTATE_GUEST, 'json');
    const it = casesFor(target);

    it('read_body/empty', 'reports EOF with no bytes for a request without a body', async () => {
      const { answer } = await ask(inspect().url, 'read_body', { headers: [['x-chunk', '16']] });
      expect(answer.header('x-reads')).toBe('0e');
      expect(answer.body).toBe('');
    });

    it('read_body/chunks', 'reads the body in buf_limit pieces up to EOF', async () => {
      for (const [size, chunk] of [[5, 2], [4096, 4096], [5000, 4096], [100_000, 4096]] as const) {
        const body = 'abcdefghij'.repeat(Math.ceil(size / 10)).slice(0, size);
        const { answer } = await ask(inspect().url, 'read_body', { method: 'POST', body, headers: [['x-chunk', String(chunk)]] });
        expect(answer.body.length, `${size} bytes`).toBe(size);
        expect(answer.body === body, `${size} bytes arrive intact`).toBe(true);
        expectReads(answer.header('x-reads'), chunk, size);
      }
    });

    it('read_body/chunked-request', 'reads a body sent with chunked transfer coding', async () => {
      const { answer } = await ask(inspect().url, 'read_body', { method: 'POST', body: sample, chunked: true, headers: [['x-chunk', '7']] });
      expect(answer.body).toBe(sample);
      expectReads(answer.header('x-reads'), 7, sample.length);
    });

    it('read_body/binary', 'reads every byte value unchanged', async () => {
      const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
      const { answer } = await ask(inspect().url, 'read_body', { method: 'PUT', body: bytes, headers: [['x-chunk', '100']] });
      expect(Buffer.from(answer.body, 'latin1').equals(Buffer.from(bytes))).toBe(true);
    });

    it('write_body/response', 'the first write replaces the guest\'s answer body, the next appends', async () => {
      const { answer } = await ask(inspect().url, 'write_body');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('first+second');
    });

    it('write_body/request', 'the first write replaces the request body, the next appends; Content-Length follows', async () => {
      const { answer } = await ask(mutate().url, 'write_request_body', { method: 'POST', body: 'the original body' });
      const seen = echoed(answer);
      expect(seen.body).toBe('first+second');
      expect(seenHeader(seen, 'content-length')).toEqual(['12']);
    });

    it('write_body/request-after-read', 'a write after reading part of the body replaces all of it', async () => {
      const { answer } = await ask(mutate().url, 'read_then_write_request_body', { method: 'POST', body: 'original' });
      expect(fromHex(answer.header('x-read-hex') ?? '').toString()).toBe('ori');
      expect(echoed(answer).body).toBe('replaced');
    });

    it('write_body/response-next', 'a body the guest wrote before next reaches the client when the app writes none', async () => {
      const { answer } = await ask(mutateSilent().url, 'write_response_body');
      expect(answer.status).toBe(200);
      expect(answer.body).toBe('guest body');
    });

    it('write_body/response-prefix', 'a body the guest wrote before next goes out ahead of the app\'s, framed right', async () => {
      const { answer } = await ask(mutate().url, 'write_response_body');
      expect(answer.status).toBe(200);
      expect(answer.body.startsWith('guest body{')).toBe(true);
      expect(echoed({ ...answer, text: answer.text.slice('guest body'.length) }).method).toBe('GET');
      const length = answer.header('content-length');
      if (length !== undefined) expect(Number(length)).toBe(answer.body.length);
    });

    it('read_body/too-large', 'a body over maxBodyBytes for a guest that reads bodies is refused with 413', async () => {
      await withApp(target, INSPECT_GUEST, 'echo', { adapterOptions: { maxBodyBytes: 64 } }, async (small) => {
        const refused = await ask(small.url, 'read_body', { method: 'POST', body: 'x'.repeat(65), headers: [['x-chunk', '16']] });
        expect(refused.answer.status).toBe(413);
        const fits = await ask(small.url, 'read_body', { method: 'POST', body: 'x'.repeat(64), headers: [['x-chunk', '16']] });
        expect(fits.answer.status).toBe(200);
        expect(fits.answer.body).toBe('x'.repeat(64));
        const streamed = await ask(small.url, 'read_body', { method: 'POST', body: 'y'.repeat(200), chunked: true, headers: [['x-chunk', '16']] });
        expect(streamed.answer.status, 'a chunked body without a declared length').toBe(413);
      });
    });

    it('read_body/consumed', 'without buffer_request the bytes the guest read are gone for the app', async () => {
      const { answer } = await ask(mutate().url, 'read_body', { method: 'POST', body: sample, headers: [['x-read', '4']] });
      expect(fromHex(answer.header('x-read-hex') ?? '').toString()).toBe('The ');
      expect(echoed(answer).body).toBe(sample.slice(4));
    });

    it('read_body/consumed-all', 'without buffer_request a body the guest read whole leaves the app an empty one', async () => {
      const { answer } = await ask(mutate().url, 'read_body', { method: 'POST', body: sample });
      expect(fromHex(answer.header('x-read-hex') ?? '').toString()).toBe(sample);
      expect(echoed(answer).body).toBe('');
    });

    it('read_body/replay', 'with buffer_request the app reads the whole body, however much the guest read', async () => {
      for (const read of ['4', '']) {
        const headers: [string, string][] = [['x-enable', '1'], ...(read ? [['x-read', read] as [string, string]] : [])];
        const { answer } = await ask(mutate().url, 'read_body', { method: 'POST', body: sample, headers });
        expect(echoed(answer).body, `guest read ${read || 'all'}`).toBe(sample);
      }
      const chunked = await ask(mutate().url, 'read_body', { method: 'POST', body: sample, chunked: true, headers: [['x-enable', '1']] });
      expect(echoed(chunked.answer).body, 'chunked request').toBe(sample);
    });

    it('read_body/replay-json', 'with buffer_request the framework\'s JSON parser after the middleware parses the body', async () => {
      const payload = { order: 42, items: ['tea', 'café'], nested: { ok: true } };
      const body = JSON.stringify(payload);
      const { answer } = await ask(mutateJson().url, 'read_body', {
        method: 'POST',
        body,
        headers: [['content-type', 'application/json'], ['x-enable', '1']],
      });
      expect(answer.status).toBe(200);
      expect(JSON.parse(answer.text)).toEqual({ json: payload, contentLength: String(Buffer.byteLength(body)) });
    });
  });
}
