/**
 * `pnpm bench`: the in-process cost of the core per request (mitata), then each framework with the
 * same rewrite done three ways under autocannon load, printed as one Markdown table with the
 * targets beside the figures. Progress goes to stderr, the table to stdout.
 *
 *   --quick                  one short round of everything (a smoke run; figures are rough)
 *   --only=in-process|e2e    one section
 *   --frameworks=express,koa the end-to-end frameworks to run (default: all whose adapter exists)
 */
import { parseArgs } from 'node:util';
import { adapterMissing } from './e2e/framework.js';
import { frameworks } from './e2e/frameworks/index.js';
import { loadFramework, type FrameworkResult } from './e2e/load.js';
import { runInProcess, type InProcessResult } from './in-process/suite.js';
import { describeMachine, loadAverage } from './machine.js';
import { resultsTable, type SkippedFramework } from './report/rows.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    frameworks: { type: 'string' },
  },
});
const quick = args.quick;
const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);
const started = performance.now();
const loadAtStart = loadAverage();

let inProcess: InProcessResult[] = [];
if (args.only !== 'e2e') {
  inProcess = await runInProcess({ rounds: quick ? 1 : 3, cpuTimeMs: quick ? 50 : 200, progress });
}

const e2e: FrameworkResult[] = [];
const skipped: SkippedFramework[] = [];
if (args.only !== 'in-process') {
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

const seconds = ((performance.now() - started) / 1000).toFixed(0);
console.log(`dapr-wasm bench on ${describeMachine()}; load average ${loadAtStart} at start, ${loadAverage()} at end; ${seconds} s${quick ? ' (--quick: rough figures)' : ''}\n`);
console.log(resultsTable(inProcess, e2e, skipped));
