/**
 * Throughput of wasm middleware across cores: the cluster example (examples/cluster, Koa with the
 * header-validation guest in every worker) started once per worker count and loaded with
 * autocannon over loopback. The load generator runs in this process, on the same cores as the
 * workers, so on a small machine the last rows measure the machine as much as the cluster.
 *
 *   node --import tsx bench/scaling/cores.ts [--workers 1,2] [--seconds 5] [--connections 50]
 */
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { loopbackLoad } from '../loopback-load.js';
import { WORKER_HEADER } from '../../examples/cluster/app.js';
import { startCluster, type RunningCluster } from '../../examples/cluster/launch.js';
import { headerValidationConfig } from '../../examples/header-validation/config.js';
import { markdownTable } from '../report/table.js';
import { millis, rate } from '../report/format.js';

export interface CoresRow {
  workers: number;
  reqPerSec: number;
  p50Ms: number;
  p99Ms: number;
}

/** A request the guest lets through: it strips the key and names the client for the app. */
const PATH = '/orders';
const HEADERS = { 'x-request-id': 'bench', 'x-api-key': headerValidationConfig.apiKeys.checkout };

/** Unmeasured load before each measured run, so the workers' JIT has settled. */
const WARMUP_SECONDS = 1;

/** One request before any load: the app answered, and the guest acted on the way in. */
async function verify(c: RunningCluster): Promise<void> {
  const res = await fetch(c.url + PATH, { headers: HEADERS });
  const text = await res.text();
  let body: { client?: unknown; sawApiKey?: unknown } = {};
  try {
    body = JSON.parse(text);
  } catch {}
  const problem =
    res.status !== 200 ? `status ${res.status}`
    : body.client !== 'checkout' ? `no client name from the guest in ${JSON.stringify(text.slice(0, 120))}`
    : body.sawApiKey !== false ? 'the API key reached the app'
    : !res.headers.get(WORKER_HEADER) ? `no ${WORKER_HEADER} header`
    : undefined;
  if (problem) throw new Error(`the cluster answered ${c.url + PATH} wrongly: ${problem}`);
}

function load(url: string, seconds: number, connections: number): Promise<Omit<CoresRow, 'workers'>> {
  return loopbackLoad({ url, headers: HEADERS, seconds, connections, label: 'cluster' });
}

export async function measureCores(opts: {
  workers: number[];
  seconds: number;
  connections: number;
  progress: (line: string) => void;
}): Promise<Array<{ workers: number; reqPerSec: number; p50Ms: number; p99Ms: number }>> {
  const rows: CoresRow[] = [];
  for (const workers of opts.workers) {
    opts.progress(`cluster: ${workers} worker${workers === 1 ? '' : 's'}, ${opts.seconds} s at ${opts.connections} connections`);
    const c = await startCluster(workers);
    let measured: Omit<CoresRow, 'workers'>;
    try {
      await verify(c);
      await load(c.url + PATH, Math.min(WARMUP_SECONDS, opts.seconds), opts.connections);
      measured = await load(c.url + PATH, opts.seconds, opts.connections);
    } finally {
      const { code, signal } = await c.stop();
      // A clean stop is part of what the example promises; a run that breaks it is not a result.
      if (code !== 0) throw new Error(`the ${workers}-worker cluster stopped with ${signal ?? `code ${code}`}\n${c.lines.join('\n')}`);
    }
    rows.push({ workers, ...measured });
  }
  return rows;
}

/** The rows as a Markdown table, with each row's throughput relative to the first. */
export function coresTable(rows: readonly CoresRow[]): string {
  const base = rows[0]?.reqPerSec ?? NaN;
  return markdownTable(
    ['workers', 'req/s', 'vs first row', 'p50', 'p99'],
    rows.map((r) => [String(r.workers), rate(r.reqPerSec), `${(r.reqPerSec / base).toFixed(2)}x`, millis(r.p50Ms), millis(r.p99Ms)]),
  );
}

function flag(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const cores = availableParallelism();
  // By default 1, 2, 4, ... workers up to the core count, and the core count itself.
  const doubling = [1, 2, 4, 8, 16, 32, 64].filter((n) => n < cores);
  const workers = (flag('--workers') ?? [...doubling, cores].join(',')).split(',').map(Number);
  if (workers.some((n) => !Number.isInteger(n) || n < 1)) throw new Error('--workers takes a list like 1,2,4');
  const rows = await measureCores({
    workers,
    seconds: Number(flag('--seconds') ?? 5),
    connections: Number(flag('--connections') ?? 50),
    progress: (line) => console.error(line),
  });
  console.log(`${cores} cores; the load generator shares them with the workers.\n`);
  console.log(coresTable(rows));
}
