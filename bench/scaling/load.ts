/**
 * Bounded autocannon load on a loopback server, with the server sampled (memory, pool) while it
 * runs. Any error, timeout or non-2xx response fails the run: a server that stopped answering
 * properly must not look fast or small.
 */
import autocannon from 'autocannon';
import { sampleServer, type LoopbackServer } from './servers.js';
import type { ServerSample } from './server.js';

export interface LoadResult {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
  /** Server samples taken every `sampleEveryMs` during the load. */
  readonly samples: readonly ServerSample[];
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

export async function loadServer(s: LoopbackServer, seconds: number, connections: number, sampleEveryMs = 0): Promise<LoadResult> {
  // autocannon's own histogram keeps whole milliseconds; the response events carry fractions.
  const latencies: number[] = [];
  const samples: ServerSample[] = [];
  let sampling = sampleEveryMs > 0;
  const sampler = (async () => {
    while (sampling) {
      samples.push(await sampleServer(s));
      await new Promise((r) => setTimeout(r, sampleEveryMs));
    }
  })();
  let r: autocannon.Result;
  try {
    r = await new Promise<autocannon.Result>((resolve, reject) => {
      const run = autocannon({ url: s.url, connections, duration: seconds }, (err, result) => (err ? reject(err) : resolve(result)));
      run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
    });
  } finally {
    sampling = false;
    await sampler;
  }
  const failed = r.errors + r.timeouts + r.non2xx;
  if (failed > 0) throw new Error(`${s.url} (${s.kind}): ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx under load`);
  const sorted = Float64Array.from(latencies).sort();
  return { reqPerSec: r.requests.total / r.duration, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99), samples };
}
