/**
 * `--deps link`: a node_modules made of symlinks to packages already on this disk, laid out as
 * npm would lay them out (bins in .bin included), so `npm run build` and `npm test` work with no
 * install and no network. A later `npm install` replaces it with the same packages.
 */
import { mkdir, symlink } from 'node:fs/promises';
import { join, relative } from 'node:path';

export interface LocalPackages {
  readonly assemblyscript: string;
  readonly sdk: string;
  readonly cli: string;
}

async function link(target: string, path: string): Promise<void> {
  await symlink(target, path, 'junction');
}

export async function linkModules(project: string, local: LocalPackages): Promise<void> {
  const modules = join(project, 'node_modules');
  const bin = join(modules, '.bin');
  await mkdir(join(modules, '@dapr-wasm'), { recursive: true });
  await mkdir(bin, { recursive: true });
  await link(local.assemblyscript, join(modules, 'assemblyscript'));
  await link(local.sdk, join(modules, '@dapr-wasm', 'guest'));
  await link(local.cli, join(modules, '@dapr-wasm', 'cli'));
  // Relative, as npm writes them: the bins keep working if the project folder moves with its node_modules.
  for (const [name, script] of [
    ['asc', join(modules, 'assemblyscript', 'bin', 'asc.js')],
    ['dapr-wasm', join(modules, '@dapr-wasm', 'cli', 'bin', 'dapr-wasm.mjs')],
  ] as const) {
    await symlink(relative(bin, script), join(bin, name), 'file');
  }
}
