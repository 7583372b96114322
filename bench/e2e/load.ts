/**
 * Load for one framework: its three variants each in a server child, loaded one at a time with
 * autocannon from this process, round by round. Each round visits every variant, starting from a
 * different one, so drift on a shared machine and any "first after a pause" effect fall on all
 * variants alike. Ratios are taken between variants of the same run only.
 */
import { loopbackLoad, type LoadFigures } from '../loopback-load.js';
import { median } from '../stats.js';
import type { Framework } from './framework.js';
import { variants, type Variant } from './rewrite.js';
import { startServer, stopServer, verifyServer, type RunningServer } from './servers.js';

export interface LoadOptions {
  readonly rounds: number;
  readonly seconds: number;
  readonly warmupSeconds: number;
  readonly connections: number;
  readonly progress: (line: string) => void;
}

export type LoadRound = LoadFigures;

export interface VariantResult {
  readonly variant: Variant;
  readonly rounds: readonly LoadRound[];
  /** Mean over rounds. */
  readonly reqPerSec: number;
  /** Medians over rounds. */
  readonly p50Ms: number;
  readonly p99Ms: number;
}

export interface FrameworkResult {
  readonly framework: Framework;
  readonly variants: Readonly<Record<Variant, VariantResult>>;
}

function load(s: RunningServer, seconds: number, connections: number): Promise<LoadRound> {
  return loopbackLoad({ url: s.url, seconds, connections, label: s.variant });
}

export async function loadFramework(f: Framework, o: LoadOptions): Promise<FrameworkResult> {
  const servers: RunningServer[] = [];
  try {
    for (const v of variants) servers.push(await startServer(f, v));
    for (const s of servers) await verifyServer(f, s);
    for (const s of servers) await load(s, o.warmupSeconds, o.connections);

    const rounds: LoadRound[][] = servers.map(() => []);
    for (let round = 0; round < o.rounds; round++) {
      o.progress(`${f.name} round ${round + 1}/${o.rounds}`);
      for (let k = 0; k < servers.length; k++) {
        const i = (round + k) % servers.length;
        rounds[i].push(await load(servers[i], o.seconds, o.connections));
      }
    }
    const byVariant = {} as Record<Variant, VariantResult>;
    for (const [i, s] of servers.entries()) {
      const rs = rounds[i];
      byVariant[s.variant] = {
        variant: s.variant,
        rounds: rs,
        reqPerSec: rs.reduce((sum, r) => sum + r.reqPerSec, 0) / rs.length,
        p50Ms: median(rs.map((r) => r.p50Ms)),
        p99Ms: median(rs.map((r) => r.p99Ms)),
      };
    }
    return { framework: f, variants: byVariant };
  } finally {
    await Promise.all(servers.map(stopServer));
  }
}
