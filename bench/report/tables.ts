/**
 * The run's tables in order, each with its heading: the per-request table (in-process and end to
 * end, one table as before), then cold start, memory and scaling. Sections that did not run are
 * left out.
 */
import { coldStartTable } from './cold-start-rows.js';
import { memoryTable } from './memory-rows.js';
import { resultsTable } from './rows.js';
import type { BenchRun } from './run.js';
import { bodySizeTable, concurrencyTable, coresTable } from './scaling-rows.js';

export interface TitledTable {
  readonly title: string;
  readonly markdown: string;
}

export function runTables(run: BenchRun): TitledTable[] {
  const tables: TitledTable[] = [];
  if (run.sections.includes('in-process') || run.sections.includes('e2e')) {
    tables.push({ title: 'Per request: in-process and end to end', markdown: resultsTable(run.inProcess, run.e2e, run.skipped) });
  }
  if (run.coldStart) tables.push({ title: 'Cold start', markdown: coldStartTable(run.coldStart) });
  if (run.memory) tables.push({ title: 'Memory', markdown: memoryTable(run.memory) });
  if (run.scaling) {
    tables.push({ title: 'Scaling: request body size (in-process, read-body.wasm)', markdown: bodySizeTable(run.scaling) });
    tables.push({ title: 'Scaling: concurrency (Express 5 over loopback, rewrite guest)', markdown: concurrencyTable(run.scaling) });
    const cores = run.scaling.cores;
    const connections = 'notRun' in cores ? '' : `, ${cores.connections} connections`;
    tables.push({ title: `Scaling: across cores (node:cluster, wasm guest in every worker${connections})`, markdown: coresTable(run.scaling) });
  }
  return tables;
}
