/**
 * Per-request cost as concurrency grows, end to end over loopback: the Express server with the
 * rewrite guest and the same server without it, loaded at each connection count in turn (which
 * goes first alternates by level). The guest's pool counters are read after the wasm load: the pool
 * grows only on demand and never shrinks, so its size is the most instances the load ever needed
 * at once. (Sampling "in use" would say nothing: the sample is answered between requests.)
 */
import type { PoolStats } from '@dapr-wasm/core';
import { loadServer, type LoadResult } from './load.js';
import { sampleServer, startLoopbackServer, stopLoopbackServer, verifyLoopbackServer, type LoopbackServer } from './servers.js';

export interface ConcurrencyLevel {
  readonly connections: number;
  readonly bare: LoadResult;
  readonly wasm: LoadResult;
  /** Pool counters after the wasm load; levels rise, so the size is the most needed up to this level. */
  readonly pool: PoolStats;
}

export interface ConcurrencyOptions {
  readonly connections: readonly number[];
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly progress: (line: string) => void;
}

async function poolAfterLoad(wasm: LoopbackServer): Promise<PoolStats> {
  const { pool } = await sampleServer(wasm);
  if (!pool) throw new Error('the wasm server reported no pool stats');
  if (pool.discarded > 0 || pool.rejected > 0) throw new Error(`the guest pool discarded ${pool.discarded} and rejected ${pool.rejected} instances under load`);
  return pool;
}

export async function runConcurrency(o: ConcurrencyOptions): Promise<ConcurrencyLevel[]> {
  const servers: LoopbackServer[] = [];
  try {
    for (const kind of ['bare', 'wasm'] as const) servers.push(await startLoopbackServer(kind));
    for (const s of servers) await verifyLoopbackServer(s);
    for (const s of servers) await loadServer(s, o.warmupSeconds, 50);
    const [bare, wasm] = servers;
    const levels: ConcurrencyLevel[] = [];
    for (const [i, connections] of o.connections.entries()) {
      o.progress(`concurrency: ${connections} connections`);
      const order = i % 2 ? [wasm, bare] : [bare, wasm];
      const results = new Map<LoopbackServer, LoadResult>();
      for (const s of order) results.set(s, await loadServer(s, o.seconds, connections));
      levels.push({ connections, bare: results.get(bare)!, wasm: results.get(wasm)!, pool: await poolAfterLoad(wasm) });
    }
    return levels;
  } finally {
    await Promise.all(servers.map(stopLoopbackServer));
  }
}
