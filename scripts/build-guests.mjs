#!/usr/bin/env node
// Builds every WebAssembly guest in the repository (or under the folders given as arguments) from
// source, next to its source file.
//   *.wat        -> *.wasm   (wabt, with every post-MVP feature the text format may use)
//   *.guest.ts   -> *.wasm   (AssemblyScript; flags from a first-line `// asc: ...` comment)
// Compiled guests are build outputs (ignored by git). A guest is rebuilt only when its source, or
// the AssemblyScript SDK it may import, is newer than its .wasm.
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { join, relative, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/build-guests.mjs examples` builds only the guests under the folders named.
const allRoots = ['guests', 'examples', 'test', 'bench', 'packages/guest'];
const roots = process.argv.slice(2).length ? process.argv.slice(2) : allRoots;
const skip = new Set(['node_modules', 'dist', '.wrangler', '.git']);
const defaultAscFlags = ['--runtime', 'stub', '--optimize', '--use', 'abort=', '--noAssert'];

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (skip.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

async function mtime(p) {
  try {
    return (await stat(p)).mtimeMs;
  } catch {
    return 0;
  }
}

async function newestIn(dir) {
  let newest = 0;
  for await (const p of walk(dir)) if (p.endsWith('.ts')) newest = Math.max(newest, await mtime(p));
  return newest;
}

async function buildWat(src, out) {
  const wabt = await (await import('wabt')).default();
  const text = await readFile(src, 'utf8');
  const mod = wabt.parseWat(src, text, {
    multi_value: true, bulk_memory: true, mutable_globals: true, sign_extension: true,
    sat_float_to_int: true, reference_types: true,
  });
  try {
    mod.resolveNames();
    mod.validate();
    const { buffer } = mod.toBinary({ write_debug_names: true });
    await writeFile(out, buffer);
  } finally {
    mod.destroy();
  }
}

async function buildAsc(src, out) {
  const first = (await readFile(src, 'utf8')).split('\n', 1)[0];
  const m = /^\/\/\s*asc:\s*(.*)$/.exec(first);
  const flags = m ? m[1].trim().split(/\s+/) : defaultAscFlags;
  const asc = join(root, 'node_modules', 'assemblyscript', 'bin', 'asc.js');
  await run(process.execPath, [asc, src, '--outFile', out, ...flags], { cwd: root });
}

const sdkNewest = await newestIn(join(root, 'packages/guest/assembly'));
const jobs = [];
for (const r of roots) {
  for await (const p of walk(join(root, r))) {
    let out, build, deps = 0;
    if (p.endsWith('.wat')) (out = p.slice(0, -4) + '.wasm'), (build = buildWat);
    else if (p.endsWith('.guest.ts')) (out = p.slice(0, -9) + '.wasm'), (build = buildAsc), (deps = sdkNewest);
    else continue;
    if ((await mtime(out)) > Math.max(await mtime(p), deps)) continue;
    jobs.push({ src: p, out, build });
  }
}

let failed = 0;
// AssemblyScript compiles are CPU-bound; two at a time matches the machines' two cores.
const queue = [...jobs];
await Promise.all(
  [0, 1].map(async () => {
    for (let job = queue.shift(); job; job = queue.shift()) {
      try {
        // Built beside the target and renamed into place, so a test running meanwhile never reads
        // a half-written module.
        const tmp = `${job.out}.${process.pid}.tmp`;
        await job.build(job.src, tmp);
        await rename(tmp, job.out);
      } catch (err) {
        failed++;
        console.error(`guest build failed: ${relative(root, job.src)}\n${err.stderr ?? err.message ?? err}`);
      }
    }
  }),
);
if (jobs.length) console.log(`guests: built ${jobs.length - failed} of ${jobs.length}`);
if (failed) process.exit(1);
