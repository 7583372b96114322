/** `dapr-wasm new <name>`: scaffolds an AssemblyScript guest project in ./<name>. */
import { spawn } from 'node:child_process';
import { readdir } from 'node:fs/promises';
import { relative, resolve } from 'node:path';
import type { Command } from '../command.js';
import { columns } from '../layout.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import { UsageError, onePositional, parseCommandLine } from '../usage.js';
import { dependencySources } from './dependencies.js';
import { linkModules } from './link-modules.js';
import { writeProject } from './scaffold.js';

const help = `Usage: dapr-wasm new <name> [options]

Creates ./<name>, an http-wasm guest project in AssemblyScript:
  assembly/index.ts     the guest (@dapr-wasm/guest): rewrites /api/* to /v1/*, adds headers
  test/guest.test.mjs   node --test, running the built guest through dapr-wasm invoke
  package.json          npm run build (asc -> build/guest.wasm), npm test, npm run inspect/invoke

Options:
  --deps <link|install|none>
        link     node_modules of symlinks to this checkout's assemblyscript, @dapr-wasm/guest
                 and @dapr-wasm/cli: builds and tests at once, offline (default in a checkout)
        install  run npm install in the project
        none     write the files only (the default outside a checkout: run npm install)
  --sdk <dir | version>   where @dapr-wasm/guest comes from: a directory (a file: dependency)
                          or a version range (default: this checkout's packages/guest)
  -h, --help              show this help

Exit status: 0 created, 1 the folder exists or installing failed, 2 a usage error.

Example:
  dapr-wasm new my-guest && cd my-guest && npm run build && npm test`;

const NAME = /^[a-z0-9][a-z0-9._-]*$/;
const DEPS = ['link', 'install', 'none'] as const;
type Deps = (typeof DEPS)[number];

async function isEmptyOrMissing(dir: string): Promise<boolean> {
  try {
    return (await readdir(dir)).length === 0;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ENOENT';
  }
}

function npmInstall(cwd: string): Promise<number> {
  return new Promise((done) => {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const child = spawn(npm, ['install', '--no-audit', '--no-fund'], { cwd, stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
    child.on('error', () => done(127));
    child.on('exit', (code) => done(code ?? 1));
  });
}

export const newCommand: Command = {
  name: 'new',
  summary: 'scaffold an AssemblyScript guest project with a build and a test',
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(argv, {
      deps: { type: 'string' },
      sdk: { type: 'string' },
    });
    const name = onePositional(positionals, 'project name');
    if (!NAME.test(name) || name.length > 214) {
      throw new UsageError(`${JSON.stringify(name)} is not a valid package name (lower-case letters, digits, ".", "_", "-")`);
    }
    if (values.deps !== undefined && !DEPS.includes(values.deps as Deps)) throw new UsageError(`--deps must be one of ${DEPS.join(', ')}`);
    const project = resolve(io.cwd, name);
    const p = io.outPaint;
    let sources;
    try {
      sources = dependencySources(project, values.sdk, io.cwd);
    } catch (err) {
      throw new UsageError((err as Error).message);
    }
    const deps: Deps = (values.deps as Deps | undefined) ?? (sources.local ? 'link' : 'none');
    if (deps === 'link' && !sources.local) {
      throw new UsageError('--deps link needs this checkout: assemblyscript installed and @dapr-wasm/guest on disk (or pass --sdk <dir>)');
    }
    if (!(await isEmptyOrMissing(project))) {
      io.err(`${io.errPaint.red(`dapr-wasm new: ${project} exists and is not empty`)}\n`);
      return EXIT_FAILED;
    }

    const files = await writeProject(project, name, sources.specs);
    const shown = relative(io.cwd, project) || '.';
    io.out(`${p.green('Created')} ${p.bold(`${shown}/`)}, an http-wasm guest in AssemblyScript\n${files.map((f) => `  ${f}`).join('\n')}\n`);

    if (deps === 'link') {
      await linkModules(project, sources.local!);
      const rows = Object.entries(sources.specs).map(([n, s]) => [n, p.dim(s)] as const);
      io.out(`Dependencies linked from this checkout (no install needed):\n${columns(rows, '  ').join('\n')}\n`);
    } else if (deps === 'install') {
      io.out('Installing dependencies (npm install)...\n');
      const code = await npmInstall(project);
      if (code !== 0) {
        io.err(`${io.errPaint.red(`npm install failed (exit ${code})`)}; the files are written, run it again in ${shown}\n`);
        return EXIT_FAILED;
      }
    }

    const steps = [`cd ${shown}`, ...(deps === 'none' ? ['npm install'] : []), 'npm run build', 'npm test'];
    io.out(`\nNext:\n${steps.map((s) => `  ${p.cyan(s)}`).join('\n')}\n`);
    return EXIT_OK;
  },
};
