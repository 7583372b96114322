// Locates the guests this package's tests run, and builds them when `vitest` runs without the
// root `pnpm test` (which builds every guest first). The build script skips up-to-date guests.
import { execFile } from 'node:child_process';
import { mkdir, readdir, rmdir, stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const packageDir = new URL('../', import.meta.url);
const repoRoot = fileURLToPath(new URL('../../', packageDir));

/** Built guests by name: examples by file name ("noop"), fixtures as "test/<name>". */
export async function guestFiles(): Promise<Map<string, URL>> {
  const found = new Map<string, URL>();
  for (const [dir, prefix] of [['examples/', ''], ['test/guests/', 'test/']] as const) {
    for (const file of await readdir(new URL(dir, packageDir))) {
      if (file.endsWith('.guest.ts')) found.set(prefix + file.slice(0, -9), new URL(dir + file.slice(0, -9) + '.wasm', packageDir));
    }
  }
  return found;
}

export function guestUrl(name: string): URL {
  const [dir, file] = name.startsWith('test/') ? ['test/guests/', name.slice(5)] : ['examples/', name];
  return new URL(`${dir}${file}.wasm`, packageDir);
}

async function mtime(url: URL): Promise<number> {
  try {
    return (await stat(url)).mtimeMs;
  } catch {
    return 0;
  }
}

async function anyStale(): Promise<boolean> {
  let sdk = 0;
  for (const file of await readdir(new URL('assembly/', packageDir))) {
    sdk = Math.max(sdk, await mtime(new URL(`assembly/${file}`, packageDir)));
  }
  for (const wasm of (await guestFiles()).values()) {
    const source = new URL(wasm.href.replace(/\.wasm$/, '.guest.ts'));
    if ((await mtime(wasm)) < Math.max(sdk, await mtime(source))) return true;
  }
  return false;
}

// Test files run in parallel workers; without a lock each would rebuild the same guests at once
// and one could read a .wasm while another is writing it. mkdir is atomic, so it is the lock.
const lock = new URL('test/.build-lock', packageDir);
const STALE_LOCK_MS = 300_000;

export async function ensureGuestsBuilt(): Promise<void> {
  let builds = 0;
  while (await anyStale()) {
    if (builds === 2) throw new Error('guests are still stale after building: run node scripts/build-guests.mjs');
    try {
      await mkdir(lock);
    } catch {
      // Another worker is building; a lock left by a crashed run is taken over after a while.
      if (Date.now() - (await mtime(lock)) > STALE_LOCK_MS) await rmdir(lock).catch(() => {});
      else await sleep(250);
      continue;
    }
    try {
      builds++;
      await promisify(execFile)(process.execPath, ['scripts/build-guests.mjs'], { cwd: repoRoot });
    } finally {
      await rmdir(lock);
    }
  }
}
