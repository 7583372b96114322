/**
 * Bounded load on a scaling server (bench/loopback-load.ts), with the server sampled (memory,
 * pool) while it runs.
 */
import { loopbackLoad, type LoadFigures } from '../loopback-load.js';
import { sampleServer, type LoopbackServer } from './servers.js';
import type { ServerSample } from './server.js';

export interface LoadResult extends LoadFigures {
  /** Server samples taken every `sampleEveryMs` during the load. */
  readonly samples: readonly ServerSample[];
}

export async function loadServer(s: LoopbackServer, seconds: number, connections: number, sampleEveryMs = 0): Promise<LoadResult> {
  const samples: ServerSample[] = [];
  let sampling = sampleEveryMs > 0;
  const sampler = (async () => {
    while (sampling) {
      samples.push(await sampleServer(s));
      await new Promise((r) => setTimeout(r, sampleEveryMs));
    }
  })();
  try {
    const figures = await loopbackLoad({ url: s.url, seconds, connections, label: s.kind });
    return { ...figures, samples };
  } finally {
    sampling = false;
    await sampler;
  }
}
