/**
 * Where the Bun and Deno binaries are. Both ship inside their npm packages; calling the binary
 * directly, not node_modules/.bin, matters for cleanup: `.bin/deno` is a node script that spawns
 * deno as a grandchild, which a kill of the child would leave running.
 */
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function bunBinary(): string {
  const exe = join(dirname(require.resolve('bun/package.json')), 'bin', 'bun.exe');
  // The package ships a small placeholder that its postinstall replaces with the real binary.
  if (statSync(exe).size < 1_000_000) {
    throw new Error(`${exe} is a placeholder: bun's postinstall did not run (pnpm must allow its build script)`);
  }
  return exe;
}

export function denoBinary(): string {
  const dir = dirname(require.resolve('deno/package.json'));
  const exe = join(dir, process.platform === 'win32' ? 'deno.exe' : 'deno');
  if (existsSync(exe)) return exe;
  // The package's postinstall puts the binary there; when install scripts were skipped, its own
  // installer finds the platform package's binary instead.
  return (require(join(dir, 'install_api.cjs')) as { runInstall(): string }).runInstall();
}
