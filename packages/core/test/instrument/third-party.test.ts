/**
 * A production C module compiled by clang: undici's llhttp parser, in its plain and SIMD builds.
 * Instrumented, it parses the same messages into the same callbacks.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentGuest } from '../../src/wasm/instrument/index.js';
import { FuelHost } from './wasm-harness.js';

const require = createRequire(import.meta.url);
const llhttpDir = join(dirname(require.resolve('undici')), 'lib', 'llhttp');
const HTTP_BOTH = 0;

const messages = [
  'GET /a/b?c=d HTTP/1.1\r\nHost: example.com\r\nX-Long: ' + 'v'.repeat(3000) + '\r\n\r\n',
  'POST /upload HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n',
  'HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\nConnection: close\r\n\r\nabc',
  'GARBAGE\r\n\r\n',
];

interface Llhttp {
  memory: WebAssembly.Memory;
  _initialize(): void;
  llhttp_alloc(type: number): number;
  malloc(n: number): number;
  llhttp_execute(parser: number, data: number, len: number): number;
  llhttp_free(parser: number): void;
  free(p: number): void;
}

/** Runs every message through a fresh parser; returns the callbacks seen, with the bytes they point at. */
async function parse(bytes: Uint8Array<ArrayBuffer>, host?: FuelHost): Promise<string[]> {
  const log: string[] = [];
  let memory: WebAssembly.Memory | undefined;
  const text = (at: number, len: number) => new TextDecoder().decode(new Uint8Array(memory!.buffer, at, len));
  const env = {
    wasm_on_message_begin: () => (log.push('begin'), 0),
    wasm_on_url: (_p: number, at: number, len: number) => (log.push(`url ${text(at, len)}`), 0),
    wasm_on_status: (_p: number, at: number, len: number) => (log.push(`status ${text(at, len)}`), 0),
    wasm_on_header_field: (_p: number, at: number, len: number) => (log.push(`field ${text(at, len)}`), 0),
    wasm_on_header_value: (_p: number, at: number, len: number) => (log.push(`value ${text(at, len).length}`), 0),
    wasm_on_headers_complete: (_p: number, status: number, upgrade: number, keepAlive: number) =>
      (log.push(`headers ${status} ${upgrade} ${keepAlive}`), 0),
    wasm_on_body: (_p: number, at: number, len: number) => (log.push(`body ${text(at, len)}`), 0),
    wasm_on_message_complete: () => (log.push('complete'), 0),
  };
  const instance = host ? await host.instantiate(bytes, { env }) : (await WebAssembly.instantiate(bytes, { env })).instance;
  const ll = instance.exports as unknown as Llhttp;
  memory = ll.memory;
  ll._initialize();
  for (const message of messages) {
    const data = new TextEncoder().encode(message);
    const parser = ll.llhttp_alloc(HTTP_BOTH);
    const at = ll.malloc(data.length);
    new Uint8Array(ll.memory.buffer, at, data.length).set(data);
    log.push(`execute -> ${ll.llhttp_execute(parser, at, data.length)}`);
    ll.free(at);
    ll.llhttp_free(parser);
  }
  return log;
}

describe('llhttp (undici)', () => {
  it.each(['llhttp-wasm.js', 'llhttp_simd-wasm.js'])('%s parses the same way instrumented', async (file) => {
    const bytes = new Uint8Array(require(join(llhttpDir, file)) as Uint8Array);
    const instrumented = instrumentGuest(bytes, { fuel: true, maxMemoryPages: 1024 }).bytes;
    expect(WebAssembly.validate(instrumented)).toBe(true);
    const host = new FuelHost(100);
    const plain = await parse(bytes);
    expect(plain).toContain('complete');
    expect(await parse(instrumented, host)).toEqual(plain);
    expect(host.outOfFuelCalls).toBeGreaterThan(0);
  });
});
