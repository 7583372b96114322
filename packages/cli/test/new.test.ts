// `dapr-wasm new` as a subprocess: the scaffold in a temporary folder builds with its own
// `npm run build` and passes its own `npm test` (which runs the built guest through
// `dapr-wasm invoke`), offline, with node_modules linked from this checkout.
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dapr, repoRoot } from './cli';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-wasm-cli-new-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function npm(args: string[], cwd: string): Promise<{ code: number; output: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' };
  return new Promise((resolve) => {
    execFile('npm', args, { cwd, env, timeout: 60_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : -1) : 0, output: stdout + stderr });
    });
  });
}

describe('dapr-wasm new', () => {
  it('scaffolds a project whose own build and test pass', async () => {
    const r = await dapr(['new', 'edge-guest'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Created edge-guest/');
    expect(r.stdout).toContain('Dependencies linked from this checkout');
    expect(r.stdout).toMatch(/Next:\n {2}cd edge-guest\n {2}npm run build\n {2}npm test\n$/);

    const project = join(dir, 'edge-guest');
    for (const f of ['package.json', 'assembly/index.ts', 'assembly/tsconfig.json', 'test/guest.test.mjs', 'README.md', '.gitignore']) {
      expect(existsSync(join(project, f)), f).toBe(true);
    }
    const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8'));
    expect(manifest.scripts.build).toBe('asc assembly/index.ts --outFile build/guest.wasm --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort');
    expect(manifest.devDependencies).toEqual({
      assemblyscript: '^0.28.20',
      '@dapr-wasm/guest': `file:${join(repoRoot, 'packages/guest')}`,
      '@dapr-wasm/cli': `file:${join(repoRoot, 'packages/cli')}`,
    });

    const build = await npm(['run', 'build'], project);
    expect(build.code, build.output).toBe(0);
    expect(existsSync(join(project, 'build/guest.wasm'))).toBe(true);

    const test = await npm(['test'], project);
    expect(test.code, test.output).toBe(0);
    expect(test.output).toMatch(/# pass 4\n/);
    expect(test.output).toMatch(/# fail 0\n/);
  }, 90_000);

  it('--deps none writes the files only; the next steps say npm install', async () => {
    const r = await dapr(['new', 'bare', '--deps', 'none'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(existsSync(join(dir, 'bare', 'node_modules'))).toBe(false);
    expect(r.stdout).toContain('  npm install\n');
  });

  it('inside the checkout the file: dependencies are relative', async () => {
    const inside = await mkdtemp(join(repoRoot, 'packages/cli/test/.scaffold-'));
    try {
      const r = await dapr(['new', 'local', '--deps', 'none'], { cwd: inside });
      expect(r.code, r.stderr).toBe(0);
      const manifest = JSON.parse(readFileSync(join(inside, 'local', 'package.json'), 'utf8'));
      expect(manifest.devDependencies['@dapr-wasm/guest']).toBe('file:../../../../guest');
    } finally {
      await rm(inside, { recursive: true, force: true });
    }
  });

  it('refuses a folder that is not empty, exit 1', async () => {
    await mkdir(join(dir, 'taken'));
    await writeFile(join(dir, 'taken', 'keep.txt'), 'mine');
    const r = await dapr(['new', 'taken'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/exists and is not empty/);
    expect(readFileSync(join(dir, 'taken', 'keep.txt'), 'utf8')).toBe('mine');
  });
});
