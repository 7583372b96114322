/**
 * wasm/start-section.ts moves a start function out of instantiation: the start section goes, the
 * same function is exported as START_EXPORT, and everything else stays. The rewritten module must
 * be valid, must not run the function when instantiated, and must run exactly it when called.
 */
import { describe, expect, it } from 'vitest';
import { readModuleInfo } from '../src/wasm/module-info.js';
import { exportStartFunction, START_EXPORT } from '../src/wasm/start-section.js';
import { MINIMAL_GUEST, wat } from './wat.js';

/** A module whose start function sets global `ran` to 42 (and counts its runs in `runs`). */
function startModule(opts: { exports: boolean; imports?: number; padding?: number; moreExports?: number }): string {
  const imports = Array.from({ length: opts.imports ?? 0 }, (_, i) => `(import "env" "f${i}" (func))`).join('\n');
  const padding = Array.from({ length: opts.padding ?? 0 }, () => '(func)').join('\n');
  const extra = Array.from({ length: opts.moreExports ?? 0 }, (_, i) => `(export "e${i}" (func $init))`).join('\n');
  const exported = opts.exports ? `(export "ran" (global $ran)) (export "runs" (global $runs)) (export "memory" (memory 0)) ${extra}` : '';
  return `(module
    ${imports}
    (global $ran (mut i32) (i32.const 0))
    (global $runs (mut i32) (i32.const 0))
    (memory 1)
    ${padding}
    (func $init
      (global.set $ran (i32.const 42))
      (global.set $runs (i32.add (global.get $runs) (i32.const 1))))
    (start $init)
    ${exported}
    (data (i32.const 0) "data after the start section"))`;
}

function instantiate(bytes: Uint8Array, importCount = 0): WebAssembly.Instance {
  const env: Record<string, () => void> = {};
  for (let i = 0; i < importCount; i++) env[`f${i}`] = () => {};
  return new WebAssembly.Instance(new WebAssembly.Module(bytes as BufferSource), { env });
}

const value = (instance: WebAssembly.Instance, name: string) => (instance.exports[name] as WebAssembly.Global).value as number;

describe('exportStartFunction', () => {
  it('turns the start section into an export that runs the same function, once, when called', async () => {
    const bytes = await wat(startModule({ exports: true }));
    const info = readModuleInfo(bytes);
    const out = exportStartFunction(bytes, info);
    expect(WebAssembly.validate(out as BufferSource)).toBe(true);

    const rewritten = readModuleInfo(out);
    expect(rewritten.start).toBeUndefined();
    expect(rewritten.exports.find((e) => e.name === START_EXPORT)).toMatchObject({ kind: 'function', index: info.start });
    // Everything the module exported before is still there, in order, then the new export.
    expect(rewritten.exports.map((e) => e.name)).toEqual([...info.exports.map((e) => e.name), START_EXPORT]);

    const instance = instantiate(out);
    expect(value(instance, 'ran'), 'instantiating no longer runs it').toBe(0);
    (instance.exports[START_EXPORT] as () => void)();
    expect(value(instance, 'ran')).toBe(42);
    expect(value(instance, 'runs')).toBe(1);
  });

  it('adds an export section where the module had none, in the right place', async () => {
    const bytes = await wat(startModule({ exports: false }));
    const info = readModuleInfo(bytes);
    expect(info.sections.some((s) => s.id === 7)).toBe(false);
    const out = exportStartFunction(bytes, info);
    expect(WebAssembly.validate(out as BufferSource)).toBe(true);
    const rewritten = readModuleInfo(out);
    expect(rewritten.exports).toEqual([{ name: START_EXPORT, kind: 'function', index: info.start, type: { params: [], results: [] } }]);
    const ids = rewritten.sections.map((s) => s.id).filter((id) => id !== 0);
    expect(ids).toEqual([...ids].sort((a, b) => (a === 12 ? 9.5 : a) - (b === 12 ? 9.5 : b)));
    expect(ids).not.toContain(8);
  });

  it('points at the right function when imports come first and indices need two LEB128 bytes', async () => {
    const imports = 3;
    const bytes = await wat(startModule({ exports: true, imports, padding: 200, moreExports: 130 }));
    const info = readModuleInfo(bytes);
    expect(info.start).toBe(imports + 200);
    const out = exportStartFunction(bytes, info);
    expect(WebAssembly.validate(out as BufferSource)).toBe(true);
    const rewritten = readModuleInfo(out);
    expect(rewritten.exports).toHaveLength(info.exports.length + 1);
    expect(rewritten.exports.at(-1)).toMatchObject({ name: START_EXPORT, index: imports + 200 });
    const instance = instantiate(out, imports);
    (instance.exports[START_EXPORT] as () => void)();
    expect(value(instance, 'ran')).toBe(42);
  });

  it('keeps every other section byte for byte, custom sections included', async () => {
    const bytes = await wat(startModule({ exports: true }));
    const info = readModuleInfo(bytes);
    const out = exportStartFunction(bytes, info);
    const rewritten = readModuleInfo(out);
    const kept = (sections: typeof info.sections, from: Uint8Array) =>
      sections.filter((s) => s.id !== 7 && s.id !== 8).map((s) => Buffer.from(from.subarray(s.start, s.end)).toString('hex'));
    expect(kept(rewritten.sections, out)).toEqual(kept(info.sections, bytes));
    expect(rewritten.sections.at(-1)?.id, 'the name section is still last').toBe(0);
  });

  it('returns a module without a start section unchanged', async () => {
    const bytes = await wat(MINIMAL_GUEST);
    expect(exportStartFunction(bytes, readModuleInfo(bytes))).toBe(bytes);
  });
});
