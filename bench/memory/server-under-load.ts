/**
 * Memory of a real server under 100 concurrent connections: the scaling section's Express server
 * with the rewrite guest and without it, each in a fresh process, sampled by the server itself
 * when idle (after one checked request) and every 100 ms of a bounded autocannon load. The
 * difference between the two is what the guest costs a busy server: instances for the requests in
 * flight, and the guest's share of garbage.
 */
import type { ServerKind } from '../scaling/server.js';
import { loadServer } from '../scaling/load.js';
import { sampleServer, startLoopbackServer, stopLoopbackServer, verifyLoopbackServer } from '../scaling/servers.js';

export const LOADED_CONNECTIONS = 100;

export interface ServerMemory {
  readonly kind: ServerKind;
  readonly idleRss: number;
  readonly peakRss: number;
  /** Median RSS over the samples under load. */
  readonly loadedRss: number;
  readonly peakHeapUsed: number;
  readonly peakExternal: number;
  readonly reqPerSec: number;
  /** Guest instances alive at the end (wasm only). */
  readonly instances: number | undefined;
}

const SAMPLE_EVERY_MS = 100;

export async function measureServerMemory(kind: ServerKind, seconds: number): Promise<ServerMemory> {
  const s = await startLoopbackServer(kind);
  try {
    await verifyLoopbackServer(s);
    const idle = await sampleServer(s);
    const r = await loadServer(s, seconds, LOADED_CONNECTIONS, SAMPLE_EVERY_MS);
    if (r.samples.length < 3) throw new Error(`only ${r.samples.length} memory samples from the ${kind} server under load`);
    const rss = r.samples.map((x) => x.memory.rss).sort((a, b) => a - b);
    return {
      kind,
      idleRss: idle.memory.rss,
      peakRss: rss.at(-1)!,
      loadedRss: rss[rss.length >> 1],
      peakHeapUsed: Math.max(...r.samples.map((x) => x.memory.heapUsed)),
      peakExternal: Math.max(...r.samples.map((x) => x.memory.external)),
      reqPerSec: r.reqPerSec,
      instances: r.samples.at(-1)?.pool?.size,
    };
  } finally {
    await stopLoopbackServer(s);
  }
}
