/**
 * A bad guest fails when the middleware is created, never on a user request: `ready` rejects with
 * an error that names the phase and the export or import at fault, the error is logged even if
 * nobody awaits `ready`, and requests that arrive anyway are answered 500 without running anything.
 */
import { describe, expect, it } from 'vitest';
import {
  createMiddleware, DaprWasmError, GuestCompileError, GuestInstantiateError, GuestLinkError, type IncomingRequest,
} from '@dapr-wasm/core';
import { badGuests } from './bad-guests.js';
import { coreCase } from './known-bug.js';
import { keptLogger } from './quiet-logger.js';
import { wat } from './wat.js';

const request: IncomingRequest = {
  method: 'GET',
  uri: '/',
  protocol: 'HTTP/1.1',
  headers: () => [],
  hasBody: false,
  readBody: async () => new Uint8Array(0),
};

async function creationError(source: { bytes: Uint8Array } | { module: WebAssembly.Module }, name = 'bad.wasm', guestConfig = '') {
  const logger = keptLogger();
  const mw = createMiddleware({ ...source, name, logger, guestConfig });
  const error = await mw.ready.then(
    () => undefined,
    (e: unknown) => e,
  );
  return { mw, error, logger };
}

describe('bad guests at creation', () => {
  for (const bad of badGuests) {
    it(`refuses ${bad.name}`, async () => {
      const { mw, error, logger } = await creationError({ bytes: await bad.bytes() });
      expect(error).toBeInstanceOf(bad.error);
      expect(error).toBeInstanceOf(DaprWasmError);
      const e = error as DaprWasmError;
      expect(e.code).toBe(bad.code);
      expect(e.phase).toBe(bad.phase);
      if (bad.culprit !== undefined) expect(e.culprit).toBe(bad.culprit);
      expect(e.message).toContain('bad.wasm');
      for (const m of bad.message) expect(e.message).toMatch(m);
      if (bad.missing) expect((e as GuestLinkError).missing).toEqual(bad.missing);
      expect(logger.messages, 'the failure is logged even if nobody awaits ready').toContain(e.message);

      let downstreamRan = false;
      const outcome = await mw.handle(request, async () => {
        downstreamRan = true;
        return { status: 200, headers: () => [] };
      });
      expect(outcome.kind).toBe('fail');
      expect(outcome.kind === 'fail' && outcome.status).toBe(500);
      expect(downstreamRan).toBe(false);
      await mw.close();
    });
  }

  it('refuses a precompiled Module whose start function calls the host (it cannot be deferred)', async () => {
    const bytes = await wat(`(module
      (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "handle_request") (result i64) (i64.const 1))
      (func (export "handle_response") (param i32 i32))
      (func $init (drop (call $get_config (i32.const 0) (i32.const 64))))
      (start $init))`);
    // A non-empty config, so get_config has to write into memory the host cannot reach yet.
    const { error } = await creationError({ module: new WebAssembly.Module(bytes as BufferSource) }, 'worker-guest', 'config');
    expect(error).toBeInstanceOf(GuestInstantiateError);
    expect((error as DaprWasmError).culprit).toBe('start function');
    expect((error as Error).message).toMatch(/pass the guest as bytes or a URL/);
  });

  it('accepts the same guest as bytes: the start function is deferred until memory is reachable', async () => {
    const bytes = await wat(`(module
      (import "http_handler" "get_config" (func $get_config (param i32 i32) (result i32)))
      (memory (export "memory") 1)
      (func (export "handle_request") (result i64) (i64.const 1))
      (func (export "handle_response") (param i32 i32))
      (func $init (drop (call $get_config (i32.const 0) (i32.const 64))))
      (start $init))`);
    const mw = createMiddleware({ bytes, guestConfig: 'config', logger: keptLogger() });
    await expect(mw.ready).resolves.toBeUndefined();
    await mw.close();
  });

  coreCase('core/proxy-wasm-named', 'refuses a proxy-wasm filter by name', async () => {
    const bytes = await wat(`(module
      (memory (export "memory") 1)
      (func (export "proxy_abi_version_0_2_1"))
      (func (export "proxy_on_request_headers") (param i32 i32 i32) (result i32) (i32.const 0)))`);
    const { error } = await creationError({ bytes });
    expect(error).toBeInstanceOf(GuestCompileError);
    expect((error as Error).message).toMatch(/proxy-wasm/);
  });

  it('reports every problem with the imports in one error, not just the first', async () => {
    const bytes = await wat(`(module
      (import "a" "one" (func)) (import "b" "two" (func)) (import "c" "three" (func))
      (import "http_handler" "four" (func)) (import "http_handler" "log" (func (param i32)))
      (memory (export "memory") 1)
      (func (export "handle_request") (result i64) (i64.const 1))
      (func (export "handle_response") (param i32 i32)))`);
    const { error } = await creationError({ bytes });
    expect((error as GuestLinkError).missing).toEqual(['a.one', 'b.two', 'c.three', 'http_handler.four', 'http_handler.log']);
    expect((error as Error).message).toMatch(/5 thing\(s\)/);
  });
});
