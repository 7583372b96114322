// The cluster example as it runs: a primary and two workers in child processes, over real HTTP.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guestUrl, WORKER_HEADER } from '../../examples/cluster/app.js';
import { startCluster, type RunningCluster } from '../../examples/cluster/launch.js';
import { headerValidationConfig } from '../../examples/header-validation/config.js';
import { assertBuilt } from './built-guest.js';

assertBuilt(guestUrl);

const VALID = { 'x-request-id': 'r-1', 'x-api-key': headerValidationConfig.apiKeys.checkout };

/**
 * A GET on a connection of its own: the primary hands out connections, not requests, so a reused
 * keep-alive connection would keep landing on the same worker.
 */
function get(url: string, headers: Record<string, string>): Promise<{ status: number; pid: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, pid: Number(res.headers[WORKER_HEADER]), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Valid requests, until `until` holds for the workers that answered; each must have passed the guest. */
async function workersAnswering(url: string, until: (pids: Set<number>) => boolean): Promise<Set<number>> {
  const pids = new Set<number>();
  for (let i = 0; i < 20 && !until(pids); i++) {
    const res = await get(url + '/orders', VALID);
    expect(res.status).toBe(200);
    // x-client-id is set by the guest, and the key it removed never reached the app.
    expect(JSON.parse(res.body)).toMatchObject({ client: 'checkout', requestId: 'r-1', sawApiKey: false });
    pids.add(res.pid);
  }
  return pids;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('cluster example with 2 workers', () => {
  let cluster: RunningCluster;
  let workers: Set<number>;

  beforeAll(async () => {
    cluster = await startCluster(2);
  });
  afterAll(async () => {
    if (cluster?.child.exitCode === null) await cluster.stop();
  });

  it('answers from both workers, with the guest in front in each', async () => {
    workers = await workersAnswering(cluster.url, (pids) => pids.size >= 2);
    expect(workers.size).toBe(2);
    expect(workers.has(cluster.child.pid!)).toBe(false); // the primary serves nothing itself

    const rejected = await get(cluster.url + '/orders', { 'x-request-id': 'r-2' });
    expect(rejected.status).toBe(401);
    expect(JSON.parse(rejected.body)).toEqual({ error: 'missing API key', header: 'x-api-key' });
    expect(workers.has(rejected.pid)).toBe(true);
  });

  it('replaces a worker that dies and keeps serving', async () => {
    const since = cluster.lines.length;
    const [victim] = workers;
    process.kill(victim, 'SIGKILL');
    await cluster.waitFor(new RegExp(`^worker ${victim} died \\(signal SIGKILL\\); starting a replacement$`), { since });
    const replacement = Number((await cluster.waitFor(/^worker (\d+) listening on /, { since }))[1]);
    expect(workers.has(replacement)).toBe(false);

    const now = await workersAnswering(cluster.url, (pids) => pids.has(replacement));
    expect(now.has(replacement)).toBe(true);
    expect(now.has(victim)).toBe(false);
    workers.delete(victim);
    workers.add(replacement);
  });

  it('stops every worker and exits 0 on SIGTERM', async () => {
    expect(await cluster.stop()).toEqual({ code: 0, signal: null });
    expect(cluster.lines).toContain('SIGTERM: stopping 2 workers');
    for (const pid of workers) {
      expect(cluster.lines).toContain(`worker ${pid} stopped (code 0)`);
      expect(alive(pid)).toBe(false);
    }
    expect(cluster.lines).toContain('all workers stopped');
  });
});
