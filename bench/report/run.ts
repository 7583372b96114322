/** Everything one `pnpm bench` run measured, and where it ran; what the tables and charts draw from. */
import type { ColdStartResult } from '../cold-start/suite.js';
import type { FrameworkResult } from '../e2e/load.js';
import type { InProcessResult } from '../in-process/suite.js';
import type { MemoryResult } from '../memory/suite.js';
import type { ScalingResult } from '../scaling/suite.js';
import type { Commit } from './git-commit.js';
import type { SkippedFramework } from './rows.js';

export const SECTIONS = ['in-process', 'e2e', 'cold-start', 'memory', 'scaling'] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface BenchRun {
  readonly sections: readonly SectionName[];
  readonly quick: boolean;
  readonly machine: string;
  readonly loadAtStart: string;
  readonly loadAtEnd: string;
  readonly seconds: number;
  readonly date: Date;
  readonly commit: Commit;
  readonly inProcess: readonly InProcessResult[];
  readonly e2e: readonly FrameworkResult[];
  readonly skipped: readonly SkippedFramework[];
  readonly coldStart: readonly ColdStartResult[] | undefined;
  readonly memory: MemoryResult | undefined;
  readonly scaling: ScalingResult | undefined;
}
