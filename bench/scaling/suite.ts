/** The scaling section: body size in-process, then concurrency and cores end to end. */
import { runAcrossCores, type AcrossCores } from './across-cores.js';
import { runBodySizes, type BodySizeResult } from './body-size.js';
import { runConcurrency, type ConcurrencyLevel } from './concurrency.js';

export interface ScalingResult {
  readonly bodySizes: readonly BodySizeResult[];
  readonly concurrency: readonly ConcurrencyLevel[];
  readonly cores: AcrossCores;
}

export interface ScalingOptions {
  readonly quick: boolean;
  readonly progress: (line: string) => void;
}

export const CONNECTION_LEVELS = [1, 10, 50, 100, 200] as const;

export async function runScaling(o: ScalingOptions): Promise<ScalingResult> {
  const bodySizes = await runBodySizes({ rounds: o.quick ? 1 : 3, cpuTimeMs: o.quick ? 50 : 200, progress: o.progress });
  const concurrency = await runConcurrency({
    connections: CONNECTION_LEVELS,
    seconds: o.quick ? 1 : 3,
    warmupSeconds: 1,
    progress: o.progress,
  });
  const cores = await runAcrossCores({ seconds: o.quick ? 1 : 3, progress: o.progress });
  return { bodySizes, concurrency, cores };
}
