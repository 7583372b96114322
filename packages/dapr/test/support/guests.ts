/** The guests the tests mount, built from source by `node scripts/build-guests.mjs`. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: fixtures name guests relative to it (`file://guests/...`), as a Dapr app's cwd. */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..');

export function guestPath(name: string): string {
  return join(repoRoot, 'guests', name);
}

export function guestBytes(name: string): Buffer {
  return readFileSync(guestPath(name));
}
