import { readdir, stat } from 'node:fs/promises';
import { resolve, join } from 'node:path';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import type { Diagnostics } from './diagnostics.js';

/** Dapr's own test: the extension, compared case-insensitively. */
export function isYamlFile(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.endsWith('.yaml') || lower.endsWith('.yml');
}

/**
 * The files to read, in the order Dapr reads them: each path in turn; a folder contributes its
 * `.yaml`/`.yml` files sorted by name (like Go's os.ReadDir), without descending into subfolders;
 * a file named directly is read whatever its extension.
 */
export async function listResourceFiles(paths: readonly string[], cwd: string, diagnostics: Diagnostics): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const path = resolve(cwd, given);
    const info = await stat(path).catch((cause: unknown) => {
      throw new DaprResourceError(RESOURCE_ERROR_CODES.READ, `cannot read resources path: ${reason(cause)}`, { file: path, cause });
    });
    if (!info.isDirectory()) {
      files.push(path);
      continue;
    }
    const entries = await readdir(path, { withFileTypes: true });
    const names = entries
      .filter((e) => !e.isDirectory())
      .map((e) => e.name)
      .sort(byBytes);
    for (const name of names) {
      if (isYamlFile(name)) files.push(join(path, name));
      else diagnostics.info('not a YAML file, not loaded', { file: join(path, name) });
    }
  }
  return files;
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

export function reason(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
