/**
 * The across-cores rows come from cores.ts (a node:cluster server with the guest in every worker),
 * which is written separately: it is imported only if it is there, so the scaling section runs
 * without it and says so.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

export interface CoresRow {
  readonly workers: number;
  readonly reqPerSec: number;
  readonly p50Ms: number;
  readonly p99Ms: number;
}

type MeasureCores = (opts: {
  workers: number[];
  seconds: number;
  connections: number;
  progress: (line: string) => void;
}) => Promise<CoresRow[]>;

export type AcrossCores = { readonly rows: readonly CoresRow[]; readonly connections: number } | { readonly notRun: string };

export const CORES_CONNECTIONS = 100;

export async function runAcrossCores(o: { seconds: number; progress: (line: string) => void }): Promise<AcrossCores> {
  const url = new URL('./cores.ts', import.meta.url);
  if (!existsSync(fileURLToPath(url))) return { notRun: 'bench/scaling/cores.ts is not there yet' };
  const mod = (await import(url.href)) as { measureCores?: MeasureCores };
  if (typeof mod.measureCores !== 'function') return { notRun: 'bench/scaling/cores.ts does not export measureCores' };
  // One worker per core, and no more: on a small machine the load generator needs a core too.
  const workers = Array.from({ length: availableParallelism() }, (_, i) => i + 1);
  const rows = await mod.measureCores({ workers, seconds: o.seconds, connections: CORES_CONNECTIONS, progress: o.progress });
  return { rows, connections: CORES_CONNECTIONS };
}
