/** Locates compiled guests. They are build outputs: scripts/build-guests.mjs makes them. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { GuestRef } from './types.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** A guest by its path from the repository root, e.g. `guests/tck/tck.wasm`. */
export function guestRef(pathFromRoot: string): GuestRef {
  const path = repoRoot + pathFromRoot;
  if (!existsSync(path)) {
    throw new Error(`${pathFromRoot} is not built; run \`node scripts/build-guests.mjs\` (pnpm test does it first)`);
  }
  return { path };
}

export const TCK_GUEST = 'guests/tck/tck.wasm';
