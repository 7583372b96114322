import type { ComponentManifest } from './component-manifest.js';
import { isInitialVersion, SEED_WASM_TYPE, WASM_MIDDLEWARE_TYPE } from './component-types.js';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import { parseGoDuration } from './go-duration.js';
import { guestUrl } from './guest-url.js';
import { parseSha256Pin } from './modules/module-digest.js';
import { SEED_MIDDLEWARE_KIND } from './manifest-kinds.js';
import { resolveMetadata, type MetadataContext, type MetadataProperties } from './metadata-values.js';
import { isTruthy } from './truthy.js';
import type { WasmComponent } from './types.js';

export interface WasmComponentContext extends MetadataContext {
  cwd: string;
  /** The Configuration's `spec.wasm.strictSandbox`. */
  forceStrictSandbox: boolean;
}

/**
 * The metadata keys the wasm middleware reads (components-contrib common/wasm and
 * middleware/http/wasm), and `sha256`, this package's module pin. Dapr ignores keys it does not
 * know, so a Component with a pin still loads in Dapr.
 */
const KNOWN_KEYS = new Set(['url', 'path', 'guestconfig', 'strictsandbox', 'sha256']);

/**
 * Turns a wasm Component manifest into a WasmComponent. Every error thrown here concerns this one
 * Component, so the caller may skip it when `spec.ignoreErrors` is true.
 */
export async function buildWasmComponent(manifest: ComponentManifest, context: WasmComponentContext): Promise<WasmComponent> {
  const at = { file: manifest.file, ...manifest.position, component: manifest.name };
  warnAboutSeedShape(manifest, context);

  if (!isInitialVersion(manifest.version)) {
    throw new DaprResourceError(
      RESOURCE_ERROR_CODES.VERSION,
      `${WASM_MIDDLEWARE_TYPE} has only version v1, found ${JSON.stringify(manifest.version)}`,
      { ...at, ...manifest.document.positionOf(['spec', 'version']), field: 'spec.version' },
    );
  }

  const properties = await resolveMetadata(manifest, context);
  for (const name of properties.names()) {
    if (!KNOWN_KEYS.has(name.toLowerCase())) {
      context.diagnostics.warn(`"${name}" is not a ${WASM_MIDDLEWARE_TYPE} metadata field (url, guestConfig, strictSandbox, sha256); ignored`, {
        ...at,
        ...properties.entry(name)?.item.position,
        field: `spec.metadata.${name}`,
      });
    }
  }

  return {
    name: manifest.name,
    url: guestUrl(properties, manifest, context.cwd, context.diagnostics),
    guestConfig: properties.get('guestConfig') ?? '',
    strictSandbox: context.forceStrictSandbox || isTruthy(properties.get('strictSandbox') ?? ''),
    sha256: modulePin(properties, manifest),
    ignoreErrors: manifest.ignoreErrors,
    initTimeoutMs: initTimeoutMs(manifest),
    source: { file: manifest.file, line: manifest.position.line },
  };
}

/**
 * Dapr falls back to its 5s default when `initTimeout` does not parse, and times out at once when it
 * is zero or negative; both are reported as errors here instead.
 */
function initTimeoutMs(manifest: ComponentManifest): number | undefined {
  if (manifest.initTimeout === undefined) return undefined;
  const at = {
    file: manifest.file,
    ...(manifest.document.positionOf(['spec', 'initTimeout']) ?? manifest.position),
    component: manifest.name,
    field: 'spec.initTimeout',
  };
  let ms: number;
  try {
    ms = parseGoDuration(manifest.initTimeout);
  } catch (cause) {
    const detail = `${(cause as Error).message}; write a Go duration such as "5s" or "1m30s"`;
    throw new DaprResourceError(RESOURCE_ERROR_CODES.DURATION, detail, { ...at, cause });
  }
  if (ms <= 0) {
    throw new DaprResourceError(RESOURCE_ERROR_CODES.DURATION, `must be greater than zero, found ${JSON.stringify(manifest.initTimeout)}`, at);
  }
  return ms;
}

/** The `sha256` pin, normalised to lower-case hex; a value that is not a digest is an error. */
function modulePin(properties: MetadataProperties, manifest: ComponentManifest): string | undefined {
  const entry = properties.entry('sha256');
  if (!entry || entry.value === '') return undefined;
  try {
    return parseSha256Pin(entry.value);
  } catch (cause) {
    throw new DaprResourceError(RESOURCE_ERROR_CODES.FIELD, (cause as Error).message, {
      file: manifest.file,
      ...(entry.item.position ?? manifest.position),
      component: manifest.name,
      field: 'spec.metadata.sha256',
      cause,
    });
  }
}

function warnAboutSeedShape(manifest: ComponentManifest, context: WasmComponentContext): void {
  const at = { file: manifest.file, ...manifest.position, component: manifest.name };
  if (manifest.kind === SEED_MIDDLEWARE_KIND) {
    context.diagnostics.warn('kind: Middleware is read as kind: Component; Dapr itself only loads kind: Component and would ignore this document', {
      ...at,
      field: 'kind',
    });
  }
  if (manifest.type.toLowerCase() === SEED_WASM_TYPE) {
    context.diagnostics.warn(`type ${SEED_WASM_TYPE} is read as ${WASM_MIDDLEWARE_TYPE}, the type Dapr registers; Dapr itself would not find ${SEED_WASM_TYPE}`, {
      ...at,
      field: 'spec.type',
    });
  }
}
