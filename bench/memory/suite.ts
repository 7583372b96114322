/** The memory section: per pooled instance, then a server under 100 connections with and without the guest. */
import { runPoolMemory, type PoolMemory } from './pool-suite.js';
import { LOADED_CONNECTIONS, measureServerMemory, type ServerMemory } from './server-under-load.js';

export interface MemoryResult {
  readonly pools: readonly PoolMemory[];
  readonly servers: readonly ServerMemory[];
  readonly loadSeconds: number;
}

export async function runMemory(o: { trials: number; loadSeconds: number; progress: (line: string) => void }): Promise<MemoryResult> {
  const pools = await runPoolMemory(o);
  const servers: ServerMemory[] = [];
  for (const kind of ['bare', 'wasm'] as const) {
    o.progress(`memory: ${kind} server, ${o.loadSeconds} s at ${LOADED_CONNECTIONS} connections`);
    servers.push(await measureServerMemory(kind, o.loadSeconds));
  }
  return { pools, servers, loadSeconds: o.loadSeconds };
}
