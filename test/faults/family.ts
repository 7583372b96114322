/**
 * Runs the fault matrix on the targets whose names start with one of `prefixes`. Each framework
 * family has its own test file, so families run in parallel; a family left out by
 * DAPR_WASM_TARGETS says so instead of failing as an empty file.
 */
import { it } from 'vitest';
import { targets } from '../harness/targets.js';
import { describeFaults } from './suite.js';

export function describeFaultsFor(family: string, select: (name: string) => boolean): void {
  const chosen = targets.filter((t) => select(t.name));
  if (!chosen.length) it.skip(`no ${family} target selected (DAPR_WASM_TARGETS)`, () => {});
  for (const target of chosen) describeFaults(target);
}
