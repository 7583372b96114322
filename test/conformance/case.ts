/**
 * Registers conformance cases. Every case has a stable id (`area/what`), which is how
 * capabilities.ts and known-host-bugs.ts refer to it; the id leads the test's title.
 */
import { it } from 'vitest';
import type { Target } from '../harness/types.js';
import { capabilitiesOf } from './capabilities.js';
import { failingOnEscapes } from './escapes.js';
import { knownHostBug } from './known-host-bugs.js';

export type Case = (id: string, title: string, body: () => Promise<void>, timeoutMs?: number) => void;

/** The case registrar for one target: runs, skips (documented capability) or expects failure (known bug). */
export function casesFor(target: Target): Case {
  const caps = capabilitiesOf(target.name);
  return (id, title, caseBody, timeoutMs) => {
    const name = `${id}: ${title}`;
    const body = () => failingOnEscapes(caseBody);
    const unsupported = caps.unsupported[id];
    if (unsupported !== undefined) {
      it.skip(`${name} [not supported on ${target.name}: ${unsupported}]`, body);
      return;
    }
    const bug = knownHostBug(id, target.name);
    if (bug) it.fails(`${name} [known host bug: ${bug.bug}]`, body, timeoutMs);
    else it(name, body, timeoutMs);
  };
}
