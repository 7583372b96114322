/**
 * Where this package lives on disk, found from this module's own location: the same answer from
 * src/ (run through tsx) and from dist/ (bundled), so templates and the version are always found.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findPackageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && JSON.parse(readFileSync(manifest, 'utf8')).name === '@dapr-wasm/cli') return dir;
    if (dirname(dir) === dir) throw new Error(`cannot find the @dapr-wasm/cli package above ${from}`);
  }
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

export const packageVersion: string = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')).version;
