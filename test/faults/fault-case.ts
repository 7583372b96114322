/**
 * Registers fault cases for one target. Every case has a stable id (`area/what`). A case the target
 * cannot run (its capabilities say why, test/harness/capabilities.ts) is skipped under that reason,
 * in its title; a case listed in gaps.ts runs as `it.fails` under the gap's text. Nothing is
 * skipped silently.
 */
import { it } from 'vitest';
import { capabilitiesOf, type TargetCapabilities } from '../harness/capabilities.js';
import type { Target } from '../harness/types.js';
import { gapFor } from './gaps.js';

export type FaultCase = (id: string, title: string, body: () => Promise<void>, timeoutMs?: number) => void;

/** Cases that need a capability the target lacks, with the reason shown in the skipped title. */
function unsupported(id: string, caps: TargetCapabilities): string | undefined {
  const needsLimits = id.startsWith('deadline/') || id.startsWith('memory/') || id === 'creation/_start-spin';
  if (needsLimits && !caps.guestLimits) {
    return 'the guest arrives as a precompiled WebAssembly.Module, which the host cannot meter or cap (capabilities.ts guestLimits)';
  }
  return undefined;
}

export function faultCases(target: Target): FaultCase {
  const caps = capabilitiesOf(target.name);
  return (id, title, body, timeoutMs = 30_000) => {
    const name = `${id}: ${title}`;
    const why = unsupported(id, caps);
    if (why) {
      it.skip(`${name} [not on ${target.name}: ${why}]`, body);
      return;
    }
    const gap = gapFor(id, target.name);
    if (gap) it.fails(`${name} [documented gap: ${gap.gap}]`, body, timeoutMs);
    else it(name, body, timeoutMs);
  };
}
