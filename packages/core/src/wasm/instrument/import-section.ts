/** Adds a function import at the end of the imports, so imported functions keep their indices. */
import { ByteWriter } from './byte-writer.js';
import { appendToVector } from './vector.js';

const KIND_FUNCTION = 0x00;

export function withFunctionImport(content: Uint8Array | undefined, module: string, name: string, typeIndex: number): Uint8Array {
  const entry = new ByteWriter().name(module).name(name).byte(KIND_FUNCTION).uleb(typeIndex).finish();
  return appendToVector(content, 1, entry);
}
