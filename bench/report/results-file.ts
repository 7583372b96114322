/**
 * RESULTS.md and its two charts. A full run writes them into bench/ (to be committed with the code
 * they measured); a --quick or --only run writes them to a temporary folder instead, so a smoke run
 * never replaces real figures.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import { resultsChart, scalingChart } from './charts.js';
import { commitText } from './git-commit.js';
import type { BenchRun } from './run.js';
import { runTables } from './tables.js';
import { targetsTable } from './targets-summary.js';

export const RESULTS_FILE = 'RESULTS.md';
export const RESULTS_CHART = 'results.svg';
export const SCALING_CHART = 'results-scaling.svg';

function markdown(run: BenchRun): string {
  const flags = [run.quick ? '--quick (one short round: rough figures)' : '', run.sections.length < 5 ? `--only=${run.sections.join(',')}` : '']
    .filter(Boolean)
    .join(' ');
  const out = [
    '# Benchmark results',
    '',
    'Written by `pnpm bench` (bench/main.ts) from the run below; rerun it rather than edit this file.',
    'What each row means and how it is measured: [bench/README.md](README.md).',
    '',
    `- Date: ${run.date.toISOString().replace('T', ' ').slice(0, 16)} UTC`,
    `- Commit: ${commitText(run.commit)}`,
    `- Machine: ${run.machine}`,
    `- Load average (1, 5, 15 min, on ${availableParallelism()} cores): ${run.loadAtStart} at start, ${run.loadAtEnd} at end`,
    `- Duration: ${run.seconds} s of benchmarking${flags ? `; ${flags}` : ''}`,
    '',
    `![In-process p50 per row against the no-guest baseline, end-to-end wasm/JS ratios against their targets, cold start against the 10 ms target](${RESULTS_CHART})`,
    '',
    `![Body-size throughput against the 1 GB/s target, req/s by concurrency, across cores, server RSS under load](${SCALING_CHART})`,
    '',
    '## Targets',
    '',
    targetsTable(run),
  ];
  for (const t of runTables(run)) out.push('', `## ${t.title}`, '', t.markdown);
  return out.join('\n') + '\n';
}

export function writeResults(run: BenchRun, dir: string): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, RESULTS_CHART), resultsChart(run));
  writeFileSync(join(dir, SCALING_CHART), scalingChart(run));
  const file = join(dir, RESULTS_FILE);
  writeFileSync(file, markdown(run));
  return file;
}
