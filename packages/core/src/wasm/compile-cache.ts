/**
 * Each guest is compiled once per process: compiled modules are cached by the SHA-256 of their
 * bytes and the limits rewritten into them (so two middlewares on one file, or a reload that changed nothing, share one compile) and
 * precompiled Modules by identity.
 */
import { compileGuest, type CompiledGuest, type GuestLimits } from './compile.js';

const byDigest = new Map<string, Promise<CompiledGuest>>();
const byModule = new WeakMap<WebAssembly.Module, Promise<CompiledGuest>>();

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
  let hex = '';
  for (const b of digest) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export async function compileCached(source: Uint8Array | WebAssembly.Module, name: string, limits: GuestLimits): Promise<CompiledGuest> {
  if (source instanceof WebAssembly.Module) {
    // A precompiled module cannot be rewritten, so limits do not change it.
    let hit = byModule.get(source);
    if (!hit) byModule.set(source, (hit = compileGuest(source, name)));
    return hit;
  }
  // The same bytes under other limits are a different program.
  const key = `${await sha256Hex(source)}:${limits.fuel ? 'fuel' : ''}:${limits.maxMemoryPages ?? ''}`;
  let hit = byDigest.get(key);
  if (!hit) {
    hit = compileGuest(source, name, limits);
    byDigest.set(key, hit);
    // A failed compile is not cached: the next attempt (say, after a fix on disk) tries again.
    hit.catch(() => byDigest.delete(key));
  }
  return hit;
}
