/**
 * A ServeSpec crosses into Bun, Deno and workerd as JSON text. JSON.stringify silently drops
 * functions and mangles bytes, so a logger or a Uint8Array passed in config would vanish without a
 * word on those runtimes while working on node; refuse them instead, naming the key.
 */
import type { RuntimeName, ServeSpec } from './app-contract.js';

export function specAsJson(runtime: RuntimeName, spec: ServeSpec): string {
  return JSON.stringify(spec, (key, value: unknown) => {
    const kind = typeof value;
    if (kind === 'function' || kind === 'symbol' || kind === 'bigint' || ArrayBuffer.isView(value) || value instanceof ArrayBuffer) {
      throw new TypeError(`config key "${key}" (${kind}) cannot reach ${runtime}: only JSON values cross into it`);
    }
    return value;
  });
}
