/**
 * Every guest the repository builds (AssemblyScript and WAT, from `node scripts/build-guests.mjs`)
 * still validates and instantiates once instrumented, and its exports behave the same when
 * called against recording stub imports.
 */
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { FUEL_GLOBAL_EXPORT, FUEL_IMPORT_NAME, instrumentGuest } from '../../src/wasm/instrument/index.js';
import { readModuleInfo, type ModuleInfo } from '../../src/wasm/module-info.js';
import { FuelHost, OutOfFuel } from './wasm-harness.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const ROOTS = ['guests', 'examples', 'test', 'bench', 'packages/guest'];

async function findGuests(): Promise<string[]> {
  const found: string[] = [];
  async function walk(dir: string): Promise<void> {
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name === 'dist') continue;
      const p = join(dir, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.name.endsWith('.wasm')) found.push(p);
    }
  }
  for (const r of ROOTS) await walk(join(root, r));
  return found.sort();
}

let guests: string[] = [];
beforeAll(async () => {
  guests = await findGuests();
  if (guests.length === 0) {
    await promisify(execFile)(process.execPath, [join(root, 'scripts/build-guests.mjs')], { cwd: root });
    guests = await findGuests();
  }
}, 120_000);

/** Stub imports that answer 0 and record calls (the first thousand), so two instances can be compared. */
function stubImports(info: ModuleInfo, log: string[]): WebAssembly.Imports {
  const imports: Record<string, Record<string, WebAssembly.ExportValue>> = {};
  for (const i of info.imports) {
    const ns = (imports[i.module] ??= {});
    if (i.kind === 'function') {
      const zero = i.type?.results[0] === 'i64' ? 0n : 0;
      ns[i.name] = (...args: unknown[]) => {
        if (log.length < 1000) log.push(`${i.module}.${i.name}(${args.join(',')})`);
        return i.type?.results.length ? zero : undefined;
      };
    } else if (i.kind === 'memory') {
      ns[i.name] = new WebAssembly.Memory({ initial: 1, maximum: 65536 });
    }
  }
  return imports;
}

function call(instance: WebAssembly.Instance, name: string, arity: number): unknown {
  try {
    return { value: (instance.exports[name] as (...a: number[]) => unknown)(...Array(arity).fill(0)) };
  } catch (e) {
    if (e instanceof OutOfFuel) throw e;
    return { error: `${(e as Error).constructor.name}: ${(e as Error).message}` };
  }
}

describe('the repository guests', () => {
  it('are built', () => {
    expect(guests.length).toBeGreaterThan(5);
  });

  it('validate, instantiate and behave the same once instrumented', async () => {
    let compared = 0;
    for (const path of guests) {
      const name = relative(root, path);
      const bytes = new Uint8Array(await readFile(path));
      const info = readModuleInfo(bytes);
      if (info.imports.some((i) => i.kind === 'global' || i.kind === 'table')) continue;
      const minPages = Math.max(0, ...info.memories.filter((m) => !m.imported).map((m) => m.minPages));
      const maxMemoryPages = Math.max(minPages, 256);
      const out = instrumentGuest(bytes, { fuel: true, maxMemoryPages });
      expect(WebAssembly.validate(out.bytes), name).toBe(true);

      const after = readModuleInfo(out.bytes);
      expect(after.imports.map((i) => i.name), name).toEqual([...info.imports.map((i) => i.name), FUEL_IMPORT_NAME]);
      expect(after.exports.map((e) => e.name), name).toEqual([...info.exports.map((e) => e.name), FUEL_GLOBAL_EXPORT]);

      const plainLog: string[] = [];
      const meteredLog: string[] = [];
      // Both sides capped, so a guest that grows its memory until refused stops at the same place.
      const capped = instrumentGuest(bytes, { fuel: false, maxMemoryPages }).bytes;
      const host = new FuelHost(200_000, 0);
      // A guest whose start function traps (the hostile ones do, on purpose) must trap the same way
      // once instrumented; there is nothing further to compare.
      const trapOf = (p: Promise<unknown>) => p.then(() => undefined, (e: Error) => `${e.constructor.name}: ${e.message}`);
      const plainTrap = await trapOf(WebAssembly.instantiate(capped, stubImports(info, [])));
      if (plainTrap) {
        expect(await trapOf(host.instantiate(out.bytes, stubImports(info, []))), name).toBe(plainTrap);
        continue;
      }
      const plain = (await WebAssembly.instantiate(capped, stubImports(info, plainLog))).instance;
      const metered = await host.instantiate(out.bytes, stubImports(info, meteredLog));
      let stopped = false;
      for (const e of info.exports) {
        if (e.kind !== 'function' || !e.type || e.type.params.some((p) => p !== 'i32' && p !== 'f32' && p !== 'f64')) continue;
        if (e.name === '_start' || e.name === '_initialize') continue; // may call proc_exit-style stubs forever
        host.fuel = host.budget;
        let metered_: unknown;
        try {
          metered_ = call(metered, e.name, e.type.params.length);
        } catch (err) {
          // It ran long against the stubs (a read loop that never sees EOF): stop comparing here.
          if (err instanceof OutOfFuel) {
            stopped = true;
            break;
          }
          throw err;
        }
        expect(metered_, `${name} ${e.name}`).toEqual(call(plain, e.name, e.type.params.length));
        compared++;
      }
      expect(stopped ? meteredLog.slice(0, plainLog.length) : meteredLog, name).toEqual(plainLog);
    }
    expect(compared).toBeGreaterThan(guests.length);
  });
});
