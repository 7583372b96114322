/**
 * Conformance cases that fail because of a bug in the host (packages/core or an adapter), not in
 * the case. Each is still run, as `it.fails`: it passes while the bug is there and turns red once
 * the host is fixed, which is the signal to delete its entry here.
 *
 * Keyed by case id; `targets` narrows an entry to the targets that have the bug (all when absent).
 * The core's own tests (packages/core/test) use the same list, with ids starting `core/`.
 */
export interface KnownHostBug {
  /** What is wrong, what the spec or reference host does, and where to fix it. */
  readonly bug: string;
  readonly targets?: readonly string[];
}

export const knownHostBugs: Readonly<Record<string, KnownHostBug>> = {
};

export function knownHostBug(caseId: string, targetName: string): KnownHostBug | undefined {
  const entry = knownHostBugs[caseId];
  if (!entry) return undefined;
  return !entry.targets || entry.targets.includes(targetName) ? entry : undefined;
}
