/**
 * Example guests are build outputs. `pnpm test` builds them first; running vitest alone after
 * editing a guest would otherwise test the previous build, so a stale guest fails loudly.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const sdkDir = fileURLToPath(new URL('../../packages/guest/assembly/', import.meta.url));

function newestSdkSource(): number {
  return Math.max(...readdirSync(sdkDir).map((f) => statSync(sdkDir + f).mtimeMs));
}

/** Throws unless the guest at `wasm` exists and is newer than its source and the SDK. */
export function assertBuilt(wasm: URL): void {
  const path = fileURLToPath(wasm);
  const source = path.replace(/\.wasm$/, '.guest.ts');
  const hint = 'run `node scripts/build-guests.mjs` (pnpm test does it first)';
  if (!existsSync(path)) throw new Error(`${path} is not built; ${hint}`);
  if (statSync(path).mtimeMs < Math.max(statSync(source).mtimeMs, newestSdkSource())) {
    throw new Error(`${path} is older than its source; ${hint}`);
  }
}
