/**
 * The guests under guests/cli, compiled from source into a temporary folder by each test file
 * (WAT with wabt, `*.guest.ts` with asc and the flags on its first line), so the tests need no
 * prior build and parallel files never write the same .wasm.
 */
import { access, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as asc } from 'assemblyscript/asc';
import wabtInit from 'wabt';

const sources = fileURLToPath(new URL('../../../guests/cli/', import.meta.url));
let outDir: Promise<string> | undefined;
const built = new Map<string, Promise<string>>();

async function compileWat(source: string, out: string): Promise<void> {
  const wabt = await wabtInit();
  const mod = wabt.parseWat(source, await readFile(source, 'utf8'), { multi_value: true, bulk_memory: true, mutable_globals: true, sign_extension: true });
  try {
    mod.resolveNames();
    mod.validate();
    await writeFile(out, mod.toBinary({ write_debug_names: true }).buffer);
  } finally {
    mod.destroy();
  }
}

async function compileAssemblyScript(source: string, out: string): Promise<void> {
  const first = (await readFile(source, 'utf8')).split('\n', 1)[0];
  const flags = /^\/\/\s*asc:\s*(.*)$/.exec(first)?.[1].trim().split(/\s+/) ?? [];
  let errors = '';
  const { error } = await asc([source, '--outFile', out, ...flags], {
    stderr: { write: (s: string | Uint8Array) => ((errors += String(s)), true) } as never,
  });
  if (error) throw new Error(`asc ${source} failed: ${errors}`);
}

/** Path of the compiled guests/cli/<name>.wat or <name>.guest.ts. */
export function guest(name: string): Promise<string> {
  let path = built.get(name);
  if (!path) {
    path = (async () => {
      const dir = await (outDir ??= mkdtemp(join(tmpdir(), 'dapr-wasm-cli-guests-')));
      const out = join(dir, `${name}.wasm`);
      const wat = join(sources, `${name}.wat`);
      const ts = join(sources, `${name}.guest.ts`);
      const exists = (p: string) => access(p).then(() => true, () => false);
      if (await exists(wat)) await compileWat(wat, out);
      else if (await exists(ts)) await compileAssemblyScript(ts, out);
      else throw new Error(`no guests/cli/${name}.wat or .guest.ts`);
      return out;
    })();
    built.set(name, path);
  }
  return path;
}

export async function removeGuests(): Promise<void> {
  if (outDir) await rm(await outDir, { recursive: true, force: true });
}
