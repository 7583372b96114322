/** The benchmark's guests, compiled from bench/guests/*.wat by scripts/build-guests.mjs. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type BenchGuest = 'noop' | 'set-header' | 'rewrite' | 'read-body' | 'rewrite-response' | 'wasi-command';

export function guestPath(name: BenchGuest): string {
  return fileURLToPath(new URL(`./guests/${name}.wasm`, import.meta.url));
}

export function guestBytes(name: BenchGuest): Uint8Array {
  try {
    return new Uint8Array(readFileSync(guestPath(name)));
  } catch {
    throw new Error(`bench guest ${name}.wasm is missing: run \`node scripts/build-guests.mjs\` (pnpm bench does)`);
  }
}
