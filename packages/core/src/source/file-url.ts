/**
 * Dapr's `file://` URLs are not WHATWG URLs: `file://router.wasm` means `router.wasm` relative to
 * the process's working directory, and `file:///srv/router.wasm` is absolute. This returns the path
 * as the filesystem should read it (relative paths stay relative: the reader resolves them).
 */
export function filePathOf(url: string): string {
  const rest = url.slice('file://'.length);
  // file://localhost/abs is the one host form that means an absolute path.
  const path = rest.startsWith('localhost/') ? rest.slice('localhost'.length) : rest;
  return decodeURIComponent(path);
}
