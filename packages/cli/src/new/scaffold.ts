/**
 * Writes a guest project from templates/guest: the AssemblyScript guest, its editor config, a
 * node:test suite that runs the built guest through `dapr-wasm invoke`, a README, and a
 * package.json whose scripts build (asc) and test it.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { packageRoot } from '../package-info.js';

const templates = join(packageRoot, 'templates', 'guest');

/** npm drops `.gitignore` from published packages, so the template is stored without the dot. */
const renamed: Record<string, string> = { gitignore: '.gitignore' };

/** The asc flags the SDK recommends: flat memory between requests, no `env.abort` import. */
export const ASC_FLAGS = '--runtime minimal --optimize --noAssert --use abort=httpHandlerAbort';

export function projectManifest(name: string, specs: Record<string, string>): string {
  const manifest = {
    name,
    version: '0.1.0',
    private: true,
    type: 'module',
    description: 'An http-wasm guest (Dapr middleware.http.wasm) in AssemblyScript',
    scripts: {
      build: `asc assembly/index.ts --outFile build/guest.wasm ${ASC_FLAGS}`,
      test: 'node --test',
      inspect: 'dapr-wasm inspect build/guest.wasm',
      invoke: 'dapr-wasm invoke build/guest.wasm',
    },
    devDependencies: specs,
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

async function* templateFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* templateFiles(path);
    else yield path;
  }
}

/** Writes the project's files; returns their paths relative to the project, package.json first. */
export async function writeProject(project: string, name: string, specs: Record<string, string>): Promise<string[]> {
  await mkdir(project, { recursive: true });
  await writeFile(join(project, 'package.json'), projectManifest(name, specs));
  const written = ['package.json'];
  for await (const source of templateFiles(templates)) {
    const rel = relative(templates, source);
    const target = join(project, dirname(rel), renamed[rel.split(sep).at(-1)!] ?? rel.split(sep).at(-1)!);
    await mkdir(dirname(target), { recursive: true });
    await writeFile(target, (await readFile(source, 'utf8')).replaceAll('{{name}}', name));
    written.push(relative(project, target).split(sep).join('/'));
  }
  return written;
}
