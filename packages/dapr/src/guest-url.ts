import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ComponentManifest } from './component-manifest.js';
import type { Diagnostics } from './diagnostics.js';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import type { MetadataProperties } from './metadata-values.js';

/**
 * Where the guest module comes from, as an absolute `file:` URL or an `http(s):` URL.
 *
 * `url` is read as Dapr reads it (components-contrib common/wasm): the text before the first colon
 * is the scheme, compared case-sensitively; for `file://` everything after those 7 characters is a
 * path, relative to the process's working directory (here `cwd`) unless absolute, and never
 * percent-decoded. So `file://router.wasm` is `<cwd>/router.wasm` and `file:///opt/x.wasm` is
 * `/opt/x.wasm`.
 *
 * `path` is the field Dapr used before 1.11, a plain file path. Dapr 1.11 (components-contrib#2817)
 * replaced it with `url` and rejects a Component that sets only `path` ("missing url"); it is still
 * accepted here, with a deprecation warning, because older guides use it.
 */
export function guestUrl(properties: MetadataProperties, manifest: ComponentManifest, cwd: string, diagnostics: Diagnostics): string {
  const url = properties.entry('url');
  const legacyPath = properties.entry('path');
  const location = (entry: { item: { position?: { line: number; column: number } } } | undefined, field: string) => ({
    file: manifest.file,
    ...(entry?.item.position ?? manifest.position),
    component: manifest.name,
    field,
  });

  if (url?.value) {
    if (legacyPath) diagnostics.warn('both url and the legacy path are set; path is ignored', location(legacyPath, 'spec.metadata.path'));
    return normaliseUrl(url.value, cwd, location(url, 'spec.metadata.url'));
  }
  if (legacyPath?.value) {
    diagnostics.warn(
      'the metadata field "path" was replaced by "url" in Dapr 1.11, which rejects it ("missing url"); read here as a file path. Write url: file://<path> instead',
      location(legacyPath, 'spec.metadata.path'),
    );
    return pathToFileURL(resolve(cwd, legacyPath.value)).href;
  }
  throw new DaprResourceError(
    RESOURCE_ERROR_CODES.MISSING_URL,
    url ? 'url is empty' : 'missing url: a wasm Component needs a url metadata entry (file://, http:// or https://)',
    location(url, 'spec.metadata.url'),
  );
}

function normaliseUrl(text: string, cwd: string, at: ConstructorParameters<typeof DaprResourceError>[2]): string {
  const fail = (detail: string, cause?: unknown): never => {
    throw new DaprResourceError(RESOURCE_ERROR_CODES.URL, detail, { ...at, cause });
  };
  const colon = text.indexOf(':');
  if (colon === -1) fail(`invalid URL ${JSON.stringify(text)}: no scheme; write file://${text}, http:// or https://`);
  const scheme = text.slice(0, colon);
  switch (scheme) {
    case 'file': {
      if (!text.startsWith('file://')) fail(`invalid URL ${JSON.stringify(text)}: a file URL starts with file://`);
      const path = text.slice('file://'.length);
      if (path === '') fail('invalid URL "file://": no path');
      return pathToFileURL(isAbsolute(path) ? path : resolve(cwd, path)).href;
    }
    case 'http':
    case 'https':
      try {
        return new URL(text).href;
      } catch (cause) {
        return fail(`invalid URL ${JSON.stringify(text)}`, cause);
      }
    case 'oci':
      return fail('oci:// URLs are not supported (Dapr does not implement them either)');
    default:
      return fail(
        `unsupported URL scheme ${JSON.stringify(scheme)}; use file://, http:// or https://` +
          (['file', 'http', 'https'].includes(scheme.toLowerCase()) ? ' (schemes are case-sensitive, as in Dapr)' : ''),
      );
  }
}
