#!/usr/bin/env node
// `pnpm bench` runs this after the guests and packages are built. The benchmark is TypeScript, so it
// runs under tsx; --expose-gc lets the allocation probe start each trial from an empty young
// generation. Extra arguments pass through (see bench/README.md).
//
// The packages are measured as published: the `dapr-wasm-built` export condition points every
// `@dapr-wasm/*` import (here and in every child process, through NODE_OPTIONS) at its tsup build
// in dist/. Loading their TypeScript sources through tsx instead would add tsx's keep-names
// wrapper to every closure the adapters create per request, a cost no user pays.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
for (const pkg of ['core', 'express', 'koa', 'hono']) {
  if (!existsSync(join(root, 'packages', pkg, 'dist', 'index.js'))) {
    console.error(`bench: packages/${pkg}/dist is missing; run \`pnpm build\` first (\`pnpm bench\` does)`);
    process.exit(1);
  }
}
const NODE_OPTIONS = [process.env.NODE_OPTIONS, '--conditions=dapr-wasm-built'].filter(Boolean).join(' ');
const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
  env: { ...process.env, NODE_OPTIONS },
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
