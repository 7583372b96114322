/**
 * The core's tests consult the same known-host-bug list as the conformance suite
 * (test/conformance/known-host-bugs.ts): a case whose id is listed runs as `it.fails`, so it turns
 * red once the bug is fixed and the entry must go.
 */
import { it } from 'vitest';
import { knownHostBug } from '../../../test/conformance/known-host-bugs.js';

export function coreCase(id: string, title: string, body: () => Promise<void>): void {
  const bug = knownHostBug(id, 'core');
  if (bug) it.fails(`${title} [known host bug: ${bug.bug}]`, body);
  else it(title, body);
}
