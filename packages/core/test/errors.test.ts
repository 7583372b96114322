/**
 * Every error class the core exports, table-driven as undici's test/errors.js: a literal `name`, a
 * stable `code`, the phase and culprit it was given, the cause kept, and the class chain intact.
 */
import { describe, expect, it } from 'vitest';
import * as core from '@dapr-wasm/core';
import {
  BodyTooLargeError, DaprWasmError, GuestCompileError, GuestDeadlineError, GuestInstantiateError, GuestLinkError,
  GuestLoadError, GuestTrapError, MiddlewareClosedError, PoolExhaustedError, type Phase,
} from '@dapr-wasm/core';

type AnyErrorClass = new (message: string, options: { phase: Phase; culprit?: string; cause?: unknown }) => DaprWasmError;

// [class, name, code, a phase it is raised in, its parent]
const table: ReadonlyArray<readonly [AnyErrorClass, string, string, Phase, AnyErrorClass]> = [
  [DaprWasmError, 'DaprWasmError', 'DAPR_WASM_ERROR', 'request', DaprWasmError],
  [GuestLoadError, 'GuestLoadError', 'DAPR_WASM_LOAD', 'load', DaprWasmError],
  [GuestCompileError, 'GuestCompileError', 'DAPR_WASM_COMPILE', 'compile', DaprWasmError],
  [GuestInstantiateError, 'GuestInstantiateError', 'DAPR_WASM_INSTANTIATE', 'instantiate', DaprWasmError],
  [GuestTrapError, 'GuestTrapError', 'DAPR_WASM_TRAP', 'handle_request', DaprWasmError],
  [GuestDeadlineError, 'GuestDeadlineError', 'DAPR_WASM_DEADLINE', 'handle_response', GuestTrapError],
  [PoolExhaustedError, 'PoolExhaustedError', 'DAPR_WASM_POOL_EXHAUSTED', 'pool', DaprWasmError],
  [MiddlewareClosedError, 'MiddlewareClosedError', 'DAPR_WASM_CLOSED', 'pool', DaprWasmError],
  [BodyTooLargeError, 'BodyTooLargeError', 'DAPR_WASM_BODY_TOO_LARGE', 'request', DaprWasmError],
];

describe('error classes', () => {
  for (const [ErrorClass, name, code, phase, Parent] of table) {
    it(`${name}: name ${name}, code ${code}`, () => {
      const cause = new Error('underlying');
      const err = new ErrorClass('something failed', { phase, culprit: 'the culprit', cause });
      expect(err).toBeInstanceOf(Error);
      expect(err).toBeInstanceOf(DaprWasmError);
      expect(err).toBeInstanceOf(Parent);
      expect(err).toBeInstanceOf(ErrorClass);
      expect(err.name).toBe(name);
      expect(err.code).toBe(code);
      expect(err.message).toBe('something failed');
      expect(err.phase).toBe(phase);
      expect(err.culprit).toBe('the culprit');
      expect(err.cause).toBe(cause);
      expect(String(err)).toBe(`${name}: something failed`);
      expect(err.stack).toContain('something failed');
    });
  }

  it('GuestLinkError lists every missing import', () => {
    const err = new GuestLinkError('missing imports', ['env.abort', 'other.thing'], { phase: 'link', culprit: 'env.abort' });
    expect(err).toBeInstanceOf(DaprWasmError);
    expect(err).toMatchObject({ name: 'GuestLinkError', code: 'DAPR_WASM_LINK', phase: 'link', culprit: 'env.abort' });
    expect(err.missing).toEqual(['env.abort', 'other.thing']);
  });

  it('has no cause or culprit unless given one', () => {
    const err = new GuestCompileError('bad', { phase: 'compile' });
    expect(err.culprit).toBeUndefined();
    expect('cause' in err).toBe(false);
  });

  it('gives every class its own code, and exports every class from the package entry', () => {
    const codes = [...table.map(([, , c]) => c), 'DAPR_WASM_LINK'];
    expect(new Set(codes).size).toBe(codes.length);
    const exported = core as unknown as Record<string, unknown>;
    for (const [ErrorClass, name] of table) expect(exported[name], name).toBe(ErrorClass);
    expect(exported.GuestLinkError).toBe(GuestLinkError);
  });
});
