/**
 * Fetches a guest's bytes from where the options say: a `file://` URL through the injected file
 * reader, an `http(s)://` URL through fetch (with a timeout and a size cap), or bytes / a Module
 * given directly. Failures are GuestLoadErrors naming the source.
 */
import { GuestLoadError } from '../errors.js';
import type { FileReader, ResolvedOptions } from '../options.js';
import { filePathOf } from './file-url.js';

export async function loadGuestSource(o: ResolvedOptions): Promise<Uint8Array | WebAssembly.Module> {
  const src = o.source;
  if ('bytes' in src) return src.bytes;
  if ('module' in src) return src.module;
  const url = String(src.url);
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'file') return readFileUrl(url, o.readFile ?? runtimeFileReader(), o.name);
  if (scheme === 'http' || scheme === 'https') return fetchModule(url, o);
  throw new GuestLoadError(`guest ${o.name}: unsupported URL scheme in ${JSON.stringify(url)} (use file://, http:// or https://)`, {
    phase: 'load', culprit: url,
  });
}

async function readFileUrl(url: string, readFile: FileReader | undefined, name: string): Promise<Uint8Array> {
  if (!readFile) {
    throw new GuestLoadError(
      `guest ${name}: this runtime cannot read ${url}; pass the guest as bytes or as a WebAssembly.Module (on Cloudflare Workers, import the .wasm file)`,
      { phase: 'load', culprit: url },
    );
  }
  const path = filePathOf(url);
  try {
    return await readFile(path);
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'no such file' : (err as Error).message;
    throw new GuestLoadError(`guest ${name}: cannot read ${url} (${why})`, { phase: 'load', culprit: url, cause: err });
  }
}

/** Node, Bun and Deno all expose node:fs through process.getBuiltinModule; Workers do not. */
function runtimeFileReader(): FileReader | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs/promises') as { readFile(p: string): Promise<Uint8Array> } | undefined;
  return fs ? (p) => fs.readFile(p).then((b) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength)) : undefined;
}

async function fetchModule(url: string, o: ResolvedOptions): Promise<Uint8Array> {
  const fail = (why: string, cause?: unknown) =>
    new GuestLoadError(`guest ${o.name}: cannot fetch ${url} (${why})`, { phase: 'load', culprit: url, cause });
  let res: Response;
  try {
    res = await fetch(url, { signal: AbortSignal.timeout(o.fetchTimeoutMs), redirect: 'follow' });
  } catch (err) {
    const name = (err as Error).name;
    throw fail(name === 'TimeoutError' ? `timed out after ${o.fetchTimeoutMs} ms` : (err as Error).message, err);
  }
  if (!res.ok) {
    await res.body?.cancel();
    throw fail(`HTTP ${res.status}`);
  }
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > o.maxModuleBytes) {
    await res.body?.cancel();
    throw fail(`${declared} bytes exceeds maxModuleBytes ${o.maxModuleBytes}`);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    const reader = res.body!.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > o.maxModuleBytes) {
        await reader.cancel();
        throw fail(`more than maxModuleBytes ${o.maxModuleBytes} bytes`);
      }
      chunks.push(value);
    }
  } catch (err) {
    if (err instanceof GuestLoadError) throw err;
    throw fail((err as Error).name === 'TimeoutError' ? `timed out after ${o.fetchTimeoutMs} ms` : (err as Error).message, err);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
