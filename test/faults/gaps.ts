/**
 * Faults whose defined answer the host does not give yet, in one place. A listed case runs as
 * `it.fails` on the targets named, so it turns red the day the gap closes and the entry must go.
 * Each entry says what should happen, what happens, and where the fix belongs.
 */
export interface Gap {
  /** The fault case's id (`area/what`). */
  readonly id: string;
  /** Targets where it fails; 'all' for every target. */
  readonly targets: readonly string[] | 'all';
  readonly gap: string;
}

export const gaps: readonly Gap[] = [
];

export function gapFor(id: string, target: string): Gap | undefined {
  return gaps.find((g) => g.id === id && (g.targets === 'all' || g.targets.includes(target)));
}

