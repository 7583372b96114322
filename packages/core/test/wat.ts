/**
 * Builds test modules from WebAssembly text with wabt, so each test shows the exact module it
 * feeds the host. Valid-but-wrong guests (bad signatures, odd imports, trapping start code) are
 * written this way; broken binaries are made from a built guest's bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import wabtInit from 'wabt';

let wabt: Awaited<ReturnType<typeof wabtInit>> | undefined;

export async function wat(source: string): Promise<Uint8Array> {
  wabt ??= await wabtInit();
  const mod = wabt.parseWat('test.wat', source, { multi_value: true, bulk_memory: true, mutable_globals: true, sign_extension: true });
  try {
    mod.resolveNames();
    mod.validate();
    return new Uint8Array(mod.toBinary({ write_debug_names: true }).buffer);
  } finally {
    mod.destroy();
  }
}

/** The smallest valid http-wasm guest: memory, handle_request returning next=1, handle_response. */
export const MINIMAL_GUEST = `(module
  (memory (export "memory") 1)
  (func (export "handle_request") (result i64) (i64.const 1))
  (func (export "handle_response") (param i32 i32)))`;

/** A guest built from source by scripts/build-guests.mjs, by its path from the repository root. */
export function builtGuest(pathFromRoot: string): Uint8Array {
  const path = fileURLToPath(new URL(`../../../${pathFromRoot}`, import.meta.url));
  try {
    return new Uint8Array(readFileSync(path));
  } catch {
    throw new Error(`${pathFromRoot} is not built; run \`node scripts/build-guests.mjs\` (pnpm test does it first)`);
  }
}
