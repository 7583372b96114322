import { COMPONENT_ERROR_CODES, DaprComponentError } from './component-error.js';
import { sha256Hex } from './module-digest.js';
import { notWasmReason } from './wasm-header.js';

export interface ModuleTarget {
  /** The Component's name. */
  readonly name: string;
  readonly url: string;
  /** The pinned sha256 (lower-case hex), if any. */
  readonly sha256: string | undefined;
}

/** Refuses bytes that are not a WebAssembly module, or not the pinned one. Returns their sha256. */
export function checkModule(bytes: Uint8Array, target: ModuleTarget, origin = ''): string {
  const at = { component: target.name, url: target.url };
  const notWasm = notWasmReason(bytes);
  if (notWasm) throw new DaprComponentError(COMPONENT_ERROR_CODES.NOT_WASM, `${notWasm}${origin}`, at);
  const digest = sha256Hex(bytes);
  if (target.sha256 !== undefined && digest !== target.sha256) {
    throw new DaprComponentError(
      COMPONENT_ERROR_CODES.DIGEST,
      `sha256 mismatch${origin}: the module is ${digest}, the pin says ${target.sha256}; refusing it`,
      at,
    );
  }
  return digest;
}
