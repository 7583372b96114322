/**
 * One bounded autocannon run against a loopback server. Latency percentiles come from the
 * per-response times, because autocannon's own histogram keeps whole milliseconds. Any error,
 * timeout or non-2xx response fails the run: a server that stopped answering properly must not
 * look fast.
 */
import autocannon from 'autocannon';

export interface LoadFigures {
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface LoadRequest {
  readonly url: string;
  readonly seconds: number;
  readonly connections: number;
  readonly headers?: Record<string, string>;
  /** Names the server in a failure. */
  readonly label: string;
}

/** Nearest-rank percentile of sorted values. */
function percentile(sorted: Float64Array, p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] : NaN;
}

export async function loopbackLoad(req: LoadRequest): Promise<LoadFigures> {
  const latencies: number[] = [];
  const r = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      { url: req.url, headers: req.headers, connections: req.connections, duration: req.seconds },
      (err, result) => (err ? reject(err) : resolve(result)),
    );
    run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  if (r.errors + r.timeouts + r.non2xx > 0) {
    throw new Error(`${req.url} (${req.label}): ${r.errors} errors, ${r.timeouts} timeouts, ${r.non2xx} non-2xx under load`);
  }
  const sorted = Float64Array.from(latencies).sort();
  return { reqPerSec: r.requests.total / r.duration, p50Ms: percentile(sorted, 50), p99Ms: percentile(sorted, 99) };
}
