/** The type Dapr registers its http-wasm middleware under. */
export const WASM_MIDDLEWARE_TYPE = 'middleware.http.wasm';

/** The type the seed article writes. Dapr has no such type; it is read as middleware.http.wasm. */
export const SEED_WASM_TYPE = 'middleware.wasm';

/** Dapr's registries compare types case-insensitively. */
export function canonicalType(type: string): string {
  const lower = type.toLowerCase();
  return lower === SEED_WASM_TYPE ? WASM_MIDDLEWARE_TYPE : lower;
}

export function isWasmMiddleware(type: string): boolean {
  return canonicalType(type) === WASM_MIDDLEWARE_TYPE;
}

/** A middleware handler type of any kind (`middleware.http.*` and the seed's `middleware.wasm`). */
export function isHttpMiddleware(type: string): boolean {
  return canonicalType(type).startsWith('middleware.http.');
}

/**
 * Dapr's `IsInitialVersion`: "", "v0" and "v1" (any case) all name the first version, which is the
 * only version of the wasm middleware.
 */
export function isInitialVersion(version: string): boolean {
  const lower = version.toLowerCase();
  return lower === '' || lower === 'v0' || lower === 'v1';
}
