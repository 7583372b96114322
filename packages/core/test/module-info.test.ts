/**
 * wasm/module-info.ts reads what the host needs from a binary that WebAssembly.Module cannot tell
 * it: the signatures of imports and exports, memories, the start function and where each section
 * lies. Checked on modules built from text, on a real AssemblyScript guest, and on bad bytes.
 */
import { describe, expect, it } from 'vitest';
import {
  formatFuncType, isWasmBinary, ModuleFormatError, readModuleInfo, sameFuncType,
} from '../src/wasm/module-info.js';
import { builtGuest, MINIMAL_GUEST, wat } from './wat.js';

describe('readModuleInfo', () => {
  it('reads imports of every kind, with function signatures', async () => {
    const info = readModuleInfo(await wat(`(module
      (import "http_handler" "get_uri" (func (param i32 i32) (result i32)))
      (import "wasi_snapshot_preview1" "clock_time_get" (func (param i32 i64 i32) (result i32)))
      (import "env" "table" (table 2 funcref))
      (import "env" "memory" (memory 1 4))
      (import "env" "flag" (global i32))
      (import "http_handler" "get_header_names" (func (param i32 i32 i32) (result i64))))`));
    expect(info.imports).toEqual([
      { module: 'http_handler', name: 'get_uri', kind: 'function', type: { params: ['i32', 'i32'], results: ['i32'] } },
      { module: 'wasi_snapshot_preview1', name: 'clock_time_get', kind: 'function', type: { params: ['i32', 'i64', 'i32'], results: ['i32'] } },
      { module: 'env', name: 'table', kind: 'table' },
      { module: 'env', name: 'memory', kind: 'memory' },
      { module: 'env', name: 'flag', kind: 'global' },
      { module: 'http_handler', name: 'get_header_names', kind: 'function', type: { params: ['i32', 'i32', 'i32'], results: ['i64'] } },
    ]);
    expect(info.memories).toEqual([{ minPages: 1, maxPages: 4, imported: true }]);
  });

  it('gives exported functions the signature of their index, imports counted first', async () => {
    const info = readModuleInfo(await wat(`(module
      (import "http_handler" "log" (func (param i32 i32 i32)))
      (memory (export "memory") 2)
      (global (export "counter") (mut i32) (i32.const 0))
      (func (export "handle_request") (result i64) (i64.const 1))
      (func (export "handle_response") (param i32 i32))
      (func (export "pair") (param f64) (result i32 f32) (i32.const 0) (f32.const 0))
      (export "log_again" (func 0)))`));
    expect(info.exports).toEqual([
      { name: 'memory', kind: 'memory', index: 0 },
      { name: 'counter', kind: 'global', index: 0 },
      { name: 'handle_request', kind: 'function', index: 1, type: { params: [], results: ['i64'] } },
      { name: 'handle_response', kind: 'function', index: 2, type: { params: ['i32', 'i32'], results: [] } },
      { name: 'pair', kind: 'function', index: 3, type: { params: ['f64'], results: ['i32', 'f32'] } },
      { name: 'log_again', kind: 'function', index: 0, type: { params: ['i32', 'i32', 'i32'], results: [] } },
    ]);
    expect(info.memories).toEqual([{ minPages: 2, maxPages: undefined, imported: false }]);
    expect(info.start).toBeUndefined();
  });

  it('finds the start function and every section in order', async () => {
    const bytes = await wat(`(module
      (import "env" "f" (func))
      (memory (export "memory") 1)
      (func $init)
      (start $init)
      (data (i32.const 0) "hi"))`);
    const info = readModuleInfo(bytes);
    expect(info.start).toBe(1);
    const ids = info.sections.map((s) => s.id);
    // type, import, function, memory, export, start, code, data, then the custom name section.
    expect(ids).toEqual([1, 2, 3, 5, 7, 8, 10, 11, 0]);
    let at = 8;
    for (const s of info.sections) {
      expect(s.start, `section ${s.id} follows the previous one`).toBe(at);
      expect(s.contentStart).toBeGreaterThan(s.start);
      at = s.end;
    }
    expect(at).toBe(bytes.length);
  });

  it('reads a module without an export section', async () => {
    const info = readModuleInfo(await wat('(module (func $f) (start $f))'));
    expect(info.exports).toEqual([]);
    expect(info.sections.some((s) => s.id === 7)).toBe(false);
    expect(info.start).toBe(0);
  });

  it('reads a real AssemblyScript guest', () => {
    const info = readModuleInfo(builtGuest('guests/conformance/inspect.wasm'));
    const byName = (n: string) => info.exports.find((e) => e.name === n);
    expect(byName('handle_request')?.type).toEqual({ params: [], results: ['i64'] });
    expect(byName('handle_response')?.type).toEqual({ params: ['i32', 'i32'], results: [] });
    expect(byName('memory')?.kind).toBe('memory');
    expect(info.imports.every((i) => i.module === 'http_handler' && i.type !== undefined)).toBe(true);
    expect(info.imports.find((i) => i.name === 'read_body')?.type).toEqual({ params: ['i32', 'i32', 'i32'], results: ['i64'] });
  });

  it('refuses bytes that are not a whole module', async () => {
    const bytes = await wat(MINIMAL_GUEST);
    expect(() => readModuleInfo(new TextEncoder().encode('not a module at all'))).toThrow(ModuleFormatError);
    expect(() => readModuleInfo(bytes.subarray(0, bytes.length - 5))).toThrow(ModuleFormatError);
    expect(() => readModuleInfo(bytes.subarray(0, 12))).toThrow(ModuleFormatError);
  });
});

describe('module-info helpers', () => {
  it('recognises the wasm magic number', async () => {
    expect(isWasmBinary(await wat(MINIMAL_GUEST))).toBe(true);
    expect(isWasmBinary(new Uint8Array([0, 0x61, 0x73, 0x6d]))).toBe(false);
    expect(isWasmBinary(new TextEncoder().encode('\0asX\x01\0\0\0'))).toBe(false);
  });

  it('formats signatures as the errors print them', () => {
    expect(formatFuncType({ params: [], results: ['i64'] })).toBe('() -> i64');
    expect(formatFuncType({ params: ['i32', 'i32'], results: [] })).toBe('(i32, i32) -> ()');
    expect(formatFuncType({ params: ['f64'], results: ['i32', 'f32'] })).toBe('(f64) -> (i32, f32)');
    expect(formatFuncType(undefined)).toBe('(unknown)');
  });

  it('compares signatures exactly', () => {
    expect(sameFuncType({ params: ['i32'], results: [] }, { params: ['i32'], results: [] })).toBe(true);
    expect(sameFuncType({ params: ['i32'], results: [] }, { params: [], results: ['i32'] })).toBe(false);
    expect(sameFuncType({ params: ['i32', 'i32'], results: [] }, { params: ['i32'], results: ['i32'] })).toBe(false);
    expect(sameFuncType(undefined, { params: [], results: [] })).toBe(false);
  });
});
