/**
 * Each guest is compiled once per process: compiled modules are cached by the exact bytes and the
 * limits rewritten into them (so two middlewares on one file, or a reload that changed nothing,
 * share one compile), and precompiled Modules by identity.
 *
 * Bytes are compared, not hashed: a hit needs a cached guest of the same length, so the first load
 * of a guest, the cold start, does no extra work at all; hashing it would (the first use of
 * `crypto.subtle` alone costs milliseconds in a process that just started).
 */
import { compileGuest, type CompiledGuest, type GuestLimits } from './compile.js';

interface Cached {
  /** A private copy: the caller may reuse its buffer. */
  readonly bytes: Uint8Array;
  readonly limits: string;
  readonly compiled: Promise<CompiledGuest>;
}

const byLength = new Map<number, Cached[]>();
const byModule = new WeakMap<WebAssembly.Module, Promise<CompiledGuest>>();

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function compileCached(source: Uint8Array | WebAssembly.Module, name: string, limits: GuestLimits): Promise<CompiledGuest> {
  if (source instanceof WebAssembly.Module) {
    // A precompiled module cannot be rewritten, so limits do not change it.
    let hit = byModule.get(source);
    if (!hit) byModule.set(source, (hit = compileGuest(source, name)));
    return hit;
  }
  // The same bytes under other limits are a different program.
  const key = `${limits.fuel ? 'fuel' : ''}:${limits.maxMemoryPages ?? ''}`;
  const sameLength = byLength.get(source.length) ?? [];
  const hit = sameLength.find((c) => c.limits === key && sameBytes(c.bytes, source));
  if (hit) return hit.compiled;

  const entry: Cached = { bytes: new Uint8Array(source), limits: key, compiled: compileGuest(source, name, limits) };
  sameLength.push(entry);
  byLength.set(source.length, sameLength);
  // A failed compile is not cached: the next attempt (say, after a fix on disk) tries again.
  entry.compiled.catch(() => {
    const list = byLength.get(source.length);
    const at = list?.indexOf(entry) ?? -1;
    if (at >= 0) list!.splice(at, 1);
    if (list?.length === 0) byLength.delete(source.length);
  });
  return entry.compiled;
}
