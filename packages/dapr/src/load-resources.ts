import type { ComponentManifest } from './component-manifest.js';
import { skippedComponent, selectComponents } from './component-selection.js';
import { isWasmMiddleware } from './component-types.js';
import { loadConfiguration } from './configuration.js';
import { defaultSecretResolver, type SecretStoreComponent } from './default-secrets.js';
import { consoleResourceLogger, Diagnostics } from './diagnostics.js';
import { dynamicValueText } from './dynamic-value.js';
import { DaprResourceError } from './errors.js';
import { buildPipeline } from './pipelines.js';
import { readManifests } from './read-manifests.js';
import { listResourceFiles } from './resource-files.js';
import type { DaprResources, LoadResourcesOptions, MissingHandlerPolicy, SkippedResource, WasmComponent } from './types.js';
import { buildWasmComponent, type WasmComponentContext } from './wasm-component.js';

/**
 * Reads a Dapr resources folder and Configuration into the wasm middleware pipelines they describe,
 * applying Dapr's rules for metadata, secrets, scopes and templates. Fails with a DaprResourceError
 * naming the file, line, Component and field of the first problem it meets.
 */
export async function loadResources(options: LoadResourcesOptions): Promise<DaprResources> {
  const resourcePaths = listOption(options.resources, 'resources');
  if (resourcePaths.length === 0) throw new TypeError('loadResources: `resources` needs at least one folder or file');
  const missingHandlers = policyOption(options.missingHandlers, 'missingHandlers');
  const nonWasmHandlers = policyOption(options.nonWasmHandlers, 'nonWasmHandlers');
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const diagnostics = new Diagnostics(options.logger ?? consoleResourceLogger);

  const configuration = options.config === undefined ? undefined : await loadConfiguration(listOption(options.config, 'config'), cwd, env, diagnostics);
  const manifests = await readManifests(await listResourceFiles(resourcePaths, cwd, diagnostics), diagnostics);
  const { selected, skipped: notSelected } = selectComponents(manifests.components, options.appId, options.namespace, diagnostics);

  const context: WasmComponentContext = {
    cwd,
    env,
    diagnostics,
    forceStrictSandbox: configuration?.strictSandbox ?? false,
    secrets: options.secrets ?? defaultSecretResolver(secretStores(selected), env),
    templates: { appId: options.appId, namespace: options.namespace, podName: options.podName },
  };
  const components: WasmComponent[] = [];
  const skipped: SkippedResource[] = [...manifests.otherKinds, ...notSelected];
  for (const manifest of selected) {
    if (!isWasmMiddleware(manifest.type)) {
      diagnostics.debug(`type ${manifest.type} is not wasm middleware; skipped`, { file: manifest.file, component: manifest.name });
      skipped.push(skippedComponent(manifest, 'other-type', `type ${manifest.type}`));
      continue;
    }
    const built = await buildOrSkip(manifest, context);
    if ('reason' in built) skipped.push(built);
    else components.push(built);
  }

  const pipelineContext = {
    loaded: new Map(components.map((c) => [c.name, c])),
    skipped: new Map(skipped.filter((s) => s.reason !== 'other-kind' && s.name !== undefined).map((s) => [s.name!, s])),
    missingHandlers,
    nonWasmHandlers,
    diagnostics,
  };
  return {
    components,
    httpPipeline: configuration ? buildPipeline(configuration.httpPipeline, pipelineContext) : [],
    appHttpPipeline: configuration ? buildPipeline(configuration.appHttpPipeline, pipelineContext) : [],
    skipped,
    warnings: diagnostics.warnings,
    configuration: configuration && { name: configuration.name, files: configuration.files },
  };
}

/** `spec.ignoreErrors` turns a failing Component into a skipped one, as in Dapr. */
async function buildOrSkip(manifest: ComponentManifest, context: WasmComponentContext): Promise<WasmComponent | SkippedResource> {
  try {
    return Object.freeze(await buildWasmComponent(manifest, context));
  } catch (error) {
    if (!(error instanceof DaprResourceError) || !manifest.ignoreErrors) throw error;
    context.diagnostics.warn(`ignoreErrors is set, so the Component is skipped: ${error.message}`, {
      file: manifest.file,
      ...manifest.position,
      component: manifest.name,
    });
    return skippedComponent(manifest, 'failed', error.message);
  }
}

function secretStores(manifests: readonly ComponentManifest[]): Map<string, SecretStoreComponent> {
  const stores = new Map<string, SecretStoreComponent>();
  for (const m of manifests) {
    if (!m.type.toLowerCase().startsWith('secretstores.')) continue;
    const prefix = m.metadata.find((item) => item.name.toLowerCase() === 'prefix');
    stores.set(m.name, { name: m.name, type: m.type.toLowerCase(), prefix: prefix ? dynamicValueText(prefix.value) : '' });
  }
  return stores;
}

function listOption(value: string | readonly string[], name: string): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? [...(value as readonly string[])] : undefined;
  if (!list || list.some((v) => typeof v !== 'string' || v === '')) {
    throw new TypeError(`loadResources: \`${name}\` must be a path or a list of paths`);
  }
  return list;
}

function policyOption(value: MissingHandlerPolicy | undefined, name: string): MissingHandlerPolicy {
  if (value === undefined) return 'error';
  if (value !== 'error' && value !== 'warn') throw new TypeError(`loadResources: \`${name}\` must be 'error' or 'warn', got ${JSON.stringify(value)}`);
  return value;
}
