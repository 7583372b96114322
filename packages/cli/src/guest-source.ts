/**
 * Reads a guest the way a Dapr component names it: a path, `file://` (relative to the working
 * directory unless absolute, as Dapr reads it), or `http(s)://`. The bytes are read once here, so
 * the description and the core's verdict are about the same module.
 */
import { GuestLoadError } from '@dapr-wasm/core';
import { readFileSource } from '@dapr-wasm/core/node';
import { resolve } from 'node:path';

export interface GuestBytes {
  /** The reference as the user gave it: used in every message. */
  readonly name: string;
  readonly bytes: Uint8Array;
}

const FETCH_TIMEOUT_MS = 30_000;

function filePath(ref: string, cwd: string): string {
  if (!ref.startsWith('file://')) return resolve(cwd, ref);
  const rest = ref.slice('file://'.length);
  // `file://localhost/abs` is the one host form that means an absolute path.
  return resolve(cwd, decodeURIComponent(rest.startsWith('localhost/') ? rest.slice('localhost'.length) : rest));
}

async function fetchGuest(url: string): Promise<Uint8Array> {
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  } catch (err) {
    throw new GuestLoadError(`cannot fetch ${url} (${(err as Error).message})`, { phase: 'load', culprit: url, cause: err });
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw new GuestLoadError(`cannot fetch ${url} (HTTP ${res.status})`, { phase: 'load', culprit: url });
  }
  return new Uint8Array(await res.arrayBuffer());
}

export async function readGuest(ref: string, cwd: string): Promise<GuestBytes> {
  if (/^https?:\/\//i.test(ref)) return { name: ref, bytes: await fetchGuest(ref) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(ref) && !ref.startsWith('file://')) {
    throw new GuestLoadError(`unsupported URL scheme in ${ref} (use a path, file://, http:// or https://)`, { phase: 'load', culprit: ref });
  }
  const path = filePath(ref, cwd);
  try {
    return { name: ref, bytes: await readFileSource(path) };
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'a directory' : (err as Error).message;
    throw new GuestLoadError(`cannot read ${path} (${why})`, { phase: 'load', culprit: ref, cause: err });
  }
}
