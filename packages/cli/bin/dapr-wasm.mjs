#!/usr/bin/env node
// Runs on plain node 20 with no build step. Inside the repository src/ is present and the
// workspace has tsx, so the TypeScript sources run directly and an edit takes effect at once.
// A published package ships no src/, only dist/ (built by tsup): that is run instead.
import { existsSync } from 'node:fs';

const source = new URL('../src/main.ts', import.meta.url);
let cli;
if (existsSync(source)) {
  const { register } = await import('tsx/esm/api');
  register();
  cli = await import(source.href);
} else {
  cli = await import(new URL('../dist/main.js', import.meta.url).href);
}

process.exitCode = await cli.main(process.argv.slice(2));
// A guest's pool or a stray handle must not keep a finished command alive; the timer itself does not.
setTimeout(() => process.exit(), 2000).unref();
