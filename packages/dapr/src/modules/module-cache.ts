/**
 * Fetched modules on disk, keyed by URL: `<sha256 of the URL>.wasm` holds the bytes and `.json`
 * what is needed to revalidate them (ETag, Last-Modified) and to trust them (their sha256). Writes
 * go to a temporary file renamed into place, so a crash never leaves a half-written entry, and an
 * entry whose bytes no longer match their recorded digest is treated as absent.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createHash, randomUUID } from 'node:crypto';
import { sha256Hex } from './module-digest.js';

export interface CachedModule {
  readonly url: string;
  readonly bytes: Uint8Array;
  readonly sha256: string;
  readonly etag: string | undefined;
  readonly lastModified: string | undefined;
  /** ISO time the bytes were fetched. */
  readonly storedAt: string;
}

interface CacheRecord {
  url: string;
  sha256: string;
  etag?: string;
  lastModified?: string;
  storedAt: string;
}

export class ModuleCache {
  constructor(readonly dir: string) {}

  private paths(url: string): { bytes: string; record: string } {
    const key = createHash('sha256').update(url).digest('hex');
    return { bytes: join(this.dir, `${key}.wasm`), record: join(this.dir, `${key}.json`) };
  }

  /** The entry for `url`, or undefined if there is none or it is damaged. */
  async read(url: string): Promise<CachedModule | undefined> {
    const paths = this.paths(url);
    try {
      const record = JSON.parse(await readFile(paths.record, 'utf8')) as CacheRecord;
      const b = await readFile(paths.bytes);
      const bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
      if (record.url !== url || sha256Hex(bytes) !== record.sha256) return undefined;
      return { url, bytes, sha256: record.sha256, etag: record.etag, lastModified: record.lastModified, storedAt: record.storedAt };
    } catch {
      return undefined;
    }
  }

  async write(entry: Omit<CachedModule, 'storedAt'>): Promise<void> {
    const paths = this.paths(entry.url);
    const record: CacheRecord = { url: entry.url, sha256: entry.sha256, storedAt: new Date().toISOString() };
    if (entry.etag) record.etag = entry.etag;
    if (entry.lastModified) record.lastModified = entry.lastModified;
    await mkdir(this.dir, { recursive: true });
    // Bytes first, then the record that vouches for them: a reader never sees a record without its bytes.
    await replaceFile(paths.bytes, entry.bytes);
    await replaceFile(paths.record, JSON.stringify(record, null, 2) + '\n');
  }
}

async function replaceFile(path: string, data: Uint8Array | string): Promise<void> {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
