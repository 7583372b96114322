#!/usr/bin/env node
// `pnpm bench` runs this after the guests are built. The benchmark is TypeScript, so it runs under
// tsx; --expose-gc lets the allocation probe start each trial from an empty young generation.
// Extra arguments pass through (see bench/README.md).
import { spawn } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', join(here, 'main.ts'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: join(here, '..'),
});
child.on('exit', (code, signal) => process.exit(signal ? 1 : (code ?? 1)));
