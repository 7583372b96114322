import { readFile, stat } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { COMPONENT_ERROR_CODES, DaprComponentError } from './component-error.js';
import type { LoadedModule } from './loaded-module.js';
import { checkModule, type ModuleTarget } from './module-check.js';

/** Reads a `file:` module (an absolute file URL, as loadResources produces) with the same checks as a download. */
export async function readFileModule(target: ModuleTarget, maxModuleBytes: number): Promise<LoadedModule> {
  const at = { component: target.name, url: target.url };
  const path = fileURLToPath(target.url);
  let b: Buffer;
  try {
    const { size } = await stat(path);
    if (size > maxModuleBytes) {
      throw new DaprComponentError(COMPONENT_ERROR_CODES.TOO_LARGE, `${size} bytes exceeds maxModuleBytes (${maxModuleBytes})`, at);
    }
    b = await readFile(path);
  } catch (err) {
    if (err instanceof DaprComponentError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'ENOENT') throw new DaprComponentError(COMPONENT_ERROR_CODES.NOT_FOUND, `no such file ${path}`, { ...at, cause: err });
    throw new DaprComponentError(COMPONENT_ERROR_CODES.READ, `cannot read ${path}: ${(err as Error).message}`, { ...at, cause: err });
  }
  const bytes = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  return { bytes, sha256: checkModule(bytes, target), origin: 'file' };
}
