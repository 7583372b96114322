#!/usr/bin/env node
// Runs the guide in examples/README.md exactly as written, in a fresh temporary folder:
//   node examples/quickstart/check-guide.mjs
// express and assemblyscript come from the npm registry. The @dapr-wasm/* packages come from this
// checkout, packed the way `npm publish` would pack them (tsup build, publishConfig applied,
// workspace:* pinned, npm pack), so the guide is checked before anything is published.
// Exits 1 when a command fails or a response is not what the guide says.
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(join(repo, 'examples/README.md'), 'utf8');
const work = mkdtempSync(join(tmpdir(), 'dapr-wasm-guide-'));
const problems = [];

/** The fenced block right after `<!-- guide:<marker> -->`. */
function block(marker) {
  const m = new RegExp(`<!-- guide:${marker} -->\\s*\`\`\`\\w*\\n([\\s\\S]*?)\`\`\``).exec(readme);
  if (!m) throw new Error(`examples/README.md has no block marked guide:${marker}`);
  return m[1];
}

function run(command, cwd) {
  console.log(`$ ${command}`);
  execFileSync('bash', ['-euo', 'pipefail', '-c', command], { cwd, stdio: 'inherit' });
}

/** Packs a workspace package as npm publish would; returns the tarball's path. */
function pack(name, entries) {
  const dir = join(work, 'packages', name);
  for (const part of ['package.json', 'README.md', 'index.ts', 'src', 'assembly']) {
    const from = join(repo, 'packages', name, part);
    if (existsSync(from)) cpSync(from, join(dir, part), { recursive: true });
  }
  if (entries.length) {
    // Tooling resolves from the workspace; only the JavaScript is built, as a JS app needs no types.
    symlinkSync(join(repo, 'node_modules'), join(dir, 'node_modules'));
    const tsup = join(repo, 'node_modules/.bin/tsup');
    execFileSync(tsup, ['--no-config', ...entries, '--format', 'esm,cjs', '--target', 'es2022'], { cwd: dir, stdio: 'ignore' });
    rmSync(join(dir, 'node_modules'));
  }
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  Object.assign(manifest, manifest.publishConfig ?? {});
  delete manifest.publishConfig;
  delete manifest.devDependencies;
  for (const deps of [manifest.dependencies, manifest.peerDependencies]) {
    for (const [dep, range] of Object.entries(deps ?? {})) if (String(range).startsWith('workspace:')) deps[dep] = manifest.version;
  }
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  const file = execFileSync('npm', ['pack', '--silent', '--pack-destination', work], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
  return join(work, file);
}

function freePort() {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

async function waitForPort(port) {
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`http://127.0.0.1:${port}/`);
      return;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  throw new Error(`the app never listened on ${port}`);
}

let app;
try {
  // The README's guest must be the one the repository builds and measures.
  const guest = block('file hello.ts');
  const copy = readFileSync(join(repo, 'examples/quickstart/guest/hello.ts'), 'utf8');
  if (guest !== copy) problems.push('hello.ts in examples/README.md differs from examples/quickstart/guest/hello.ts');

  const core = pack('core', ['src/index.ts', 'src/node.ts']);
  const express = pack('express', ['src/index.ts']);
  const sdk = pack('guest', []);
  const port = await freePort();
  const files = { 'hello.ts': guest, 'app.js': block('file app.js').replaceAll('3000', String(port)) };

  for (const line of block('commands').split('\n').filter(Boolean)) {
    const save = /^# save (\S+)/.exec(line);
    if (save) writeFileSync(join(work, 'hello-wasm', save[1]), files[save[1]]);
    if (line.startsWith('#')) continue;
    if (line === 'node app.js') {
      console.log(`$ ${line} &`);
      app = spawn('node', ['app.js'], { cwd: join(work, 'hello-wasm'), stdio: 'inherit' });
      await waitForPort(port);
      continue;
    }
    const command = line
      .replace(/^mkdir hello-wasm && cd hello-wasm$/, 'mkdir hello-wasm')
      .replace('@dapr-wasm/express', `${core} ${express}`)
      .replace('@dapr-wasm/guest', sdk);
    run(command, line.startsWith('mkdir') ? work : join(work, 'hello-wasm'));
  }

  const [missing, withKey] = block('try').split('\n').filter(Boolean).map((l) => l.replace(/\s+#.*$/, '').replaceAll('3000', String(port)));
  console.log(`$ ${missing}`);
  const first = execFileSync('bash', ['-c', missing], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  console.log(first);
  if (!/^HTTP\/1\.1 401/.test(first) || !first.includes('missing x-api-key')) problems.push('the request without a key did not get the guest\'s 401');
  console.log(`$ ${withKey}`);
  const second = execFileSync('bash', ['-c', withKey], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  console.log(second);
  if (!/^HTTP\/1\.1 200/.test(second) || !/x-wasm: hello from AssemblyScript/i.test(second) || !second.includes('hello from Express')) {
    problems.push('the request with a key did not reach Express with the x-wasm header');
  }
} catch (err) {
  problems.push(err.message);
} finally {
  app?.kill();
  rmSync(work, { recursive: true, force: true });
}

if (problems.length) {
  console.error(`\nthe guide does not work as written:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nthe guide works as written');
