import type { ComponentManifest } from './component-manifest.js';
import type { Diagnostics } from './diagnostics.js';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import type { SkippedResource } from './types.js';

export interface Selection {
  /** Components this app loads, names unique. */
  selected: ComponentManifest[];
  skipped: SkippedResource[];
}

/**
 * Keeps the Components this app would load, as daprd does in self-hosted mode:
 * - with a namespace given, a Component naming another `metadata.namespace` is skipped (one naming
 *   none is kept);
 * - a Component with `scopes` is skipped unless they list the app id.
 * Names must then be unique. Dapr lets a later Component silently replace an earlier one of the same
 * name; here that is an error naming both files.
 */
export function selectComponents(
  manifests: readonly ComponentManifest[],
  appId: string | undefined,
  namespace: string | undefined,
  diagnostics: Diagnostics,
): Selection {
  const selection: Selection = { selected: [], skipped: [] };
  const byName = new Map<string, ComponentManifest>();
  for (const manifest of manifests) {
    const at = { file: manifest.file, ...manifest.position, component: manifest.name };
    const skip = (reason: SkippedResource['reason'], detail: string) => {
      diagnostics.info(`skipped: ${detail}`, at);
      selection.skipped.push(skippedComponent(manifest, reason, detail));
    };
    if (namespace !== undefined && manifest.namespace !== undefined && manifest.namespace !== namespace) {
      skip('other-namespace', `in namespace "${manifest.namespace}", not "${namespace}"`);
      continue;
    }
    if (manifest.scopes.length > 0 && !manifest.scopes.includes(appId ?? '')) {
      const app = appId === undefined ? 'no appId was given' : `the app id is "${appId}"`;
      skip('out-of-scope', `scoped to ${manifest.scopes.map((s) => `"${s}"`).join(', ')}; ${app}`);
      continue;
    }
    const earlier = byName.get(manifest.name);
    if (earlier) {
      throw new DaprResourceError(
        RESOURCE_ERROR_CODES.DUPLICATE_NAME,
        `two Components are named "${manifest.name}": ${earlier.file}:${earlier.position.line} and ${manifest.file}:${manifest.position.line}`,
        { ...at, field: 'metadata.name' },
      );
    }
    byName.set(manifest.name, manifest);
    selection.selected.push(manifest);
  }
  return selection;
}

export function skippedComponent(manifest: ComponentManifest, reason: SkippedResource['reason'], detail: string): SkippedResource {
  return { kind: manifest.kind, name: manifest.name, type: manifest.type, file: manifest.file, line: manifest.position.line, reason, detail };
}
