/**
 * `pnpm bench`: the in-process cost of the core per request (mitata), then each framework with the
 * same rewrite done three ways under autocannon load, then cold start, memory and scaling. Prints
 * the tables (Markdown) with the targets beside the figures, and writes RESULTS.md with charts.
 * Progress goes to stderr, the tables to stdout.
 *
 *   --quick                  one short round of everything (a smoke run; figures are rough)
 *   --only=a,b               some sections: in-process, e2e, cold-start, memory, scaling
 *   --frameworks=express,koa the end-to-end frameworks to run (default: all whose adapter exists)
 *   --results-dir=DIR        where RESULTS.md and the charts go (default: bench/ for a full run,
 *                            a temporary folder for --quick or --only, so smoke runs replace nothing)
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { runColdStart, type ColdStartResult } from './cold-start/suite.js';
import { adapterMissing } from './e2e/framework.js';
import { frameworks } from './e2e/frameworks/index.js';
import { loadFramework, type FrameworkResult } from './e2e/load.js';
import { runInProcess, type InProcessResult } from './in-process/suite.js';
import { describeMachine, loadAverage } from './machine.js';
import { runMemory, type MemoryResult } from './memory/suite.js';
import { describeCommit } from './report/git-commit.js';
import { writeResults } from './report/results-file.js';
import type { SkippedFramework } from './report/rows.js';
import { SECTIONS, type BenchRun, type SectionName } from './report/run.js';
import { runTables } from './report/tables.js';
import { runScaling, type ScalingResult } from './scaling/suite.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    frameworks: { type: 'string' },
    'results-dir': { type: 'string' },
  },
});
const quick = args.quick;
const sections: SectionName[] = args.only ? (args.only.split(',').map((s) => s.trim()) as SectionName[]) : [...SECTIONS];
const unknown = sections.filter((s) => !SECTIONS.includes(s));
if (unknown.length) {
  console.error(`unknown section ${unknown.join(', ')}: --only takes ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const wants = (s: SectionName) => sections.includes(s);
const benchDir = fileURLToPath(new URL('.', import.meta.url));
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const started = performance.now();
const date = new Date();
const commit = describeCommit(benchDir);
const loadAtStart = loadAverage();

let inProcess: InProcessResult[] = [];
if (wants('in-process')) {
  inProcess = await runInProcess({ rounds: quick ? 1 : 3, cpuTimeMs: quick ? 50 : 200, progress });
}

const e2e: FrameworkResult[] = [];
const skipped: SkippedFramework[] = [];
if (wants('e2e')) {
  const wanted = args.frameworks?.split(',').map((s) => s.trim());
  for (const f of frameworks) {
    if (wanted && !wanted.includes(f.key)) continue;
    const reason = await adapterMissing(f);
    if (reason) {
      skipped.push({ framework: f, reason });
      progress(`${f.name} skipped: ${reason}`);
      continue;
    }
    e2e.push(
      await loadFramework(f, {
        // Many short rounds: the two halves of a ratio are measured close together in time.
        rounds: quick ? 1 : 10,
        seconds: 1,
        warmupSeconds: 1,
        connections: 50,
        progress,
      }),
    );
  }
}

let coldStart: ColdStartResult[] | undefined;
if (wants('cold-start')) coldStart = await runColdStart({ trials: quick ? 2 : 7, warmLoads: quick ? 3 : 9, progress });

let memory: MemoryResult | undefined;
if (wants('memory')) memory = await runMemory({ trials: quick ? 1 : 3, loadSeconds: quick ? 1 : 3, progress });

let scaling: ScalingResult | undefined;
if (wants('scaling')) scaling = await runScaling({ quick, progress });

const seconds = Math.round((performance.now() - started) / 1000);
const run: BenchRun = {
  sections, quick, machine: describeMachine(), loadAtStart, loadAtEnd: loadAverage(), seconds, date, commit,
  inProcess, e2e, skipped, coldStart, memory, scaling,
};

console.log(`dapr-wasm bench on ${run.machine}; load average ${run.loadAtStart} at start, ${run.loadAtEnd} at end; ${seconds} s${quick ? ' (--quick: rough figures)' : ''}`);
for (const t of runTables(run)) console.log(`\n### ${t.title}\n\n${t.markdown}`);

const partial = quick || sections.length < SECTIONS.length;
const resultsDir = args['results-dir'] ?? (partial ? join(tmpdir(), 'dapr-wasm-bench') : benchDir);
progress(`results written to ${writeResults(run, resultsDir)}`);
