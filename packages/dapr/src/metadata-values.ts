import type { ComponentManifest, MetadataItem } from './component-manifest.js';
import type { Diagnostics } from './diagnostics.js';
import { dynamicValueText } from './dynamic-value.js';
import { envRefDenial } from './env-access.js';
import { DaprResourceError, RESOURCE_ERROR_CODES, type ResourceErrorCode } from './errors.js';
import { fillTemplates, type TemplateContext } from './metadata-templates.js';
import type { SecretResolver } from './secret-resolver.js';
import { reason } from './resource-files.js';

export interface MetadataContext {
  env: Readonly<Record<string, string | undefined>>;
  secrets: SecretResolver;
  templates: TemplateContext;
  diagnostics: Diagnostics;
}

/** A Component's metadata after resolution: names matched case-insensitively, as Dapr's decoder does. */
export class MetadataProperties {
  private readonly byLowerName = new Map<string, { name: string; value: string; item: MetadataItem }>();

  /** Throws DUPLICATE_METADATA if the key is already present in any case. */
  add(item: MetadataItem, value: string, manifest: ComponentManifest): void {
    const key = item.name.toLowerCase();
    const earlier = this.byLowerName.get(key);
    if (earlier) {
      const detail = `the metadata key "${item.name}" is set twice (also as "${earlier.name}" in ${earlier.item.field}); keys match case-insensitively`;
      throw problem(RESOURCE_ERROR_CODES.DUPLICATE_METADATA, manifest, item, detail);
    }
    this.byLowerName.set(key, { name: item.name, value, item });
  }

  get(name: string): string | undefined {
    return this.byLowerName.get(name.toLowerCase())?.value;
  }

  entry(name: string): { name: string; value: string; item: MetadataItem } | undefined {
    return this.byLowerName.get(name.toLowerCase());
  }

  names(): string[] {
    return [...this.byLowerName.values()].map((e) => e.name);
  }
}

/**
 * Resolves every metadata entry of a Component in Dapr's order: `envRef` when there is no value,
 * else `secretKeyRef` (which overrides a value), else the value itself; then templates are filled. Unlike Dapr, a value
 * that cannot be resolved (unset variable, missing secret) is an error rather than an empty string.
 */
export async function resolveMetadata(manifest: ComponentManifest, context: MetadataContext): Promise<MetadataProperties> {
  const properties = new MetadataProperties();
  for (const item of manifest.metadata) {
    const raw = await resolveItem(manifest, item, context);
    let value: string;
    try {
      value = fillTemplates(raw, context.templates, (template) => {
        const unset = template === '{appID}' ? 'appId' : 'namespace or appId';
        context.diagnostics.warn(`${template} is filled from an unset ${unset}, as Dapr does`, at(manifest, item));
      });
    } catch (cause) {
      throw problem(RESOURCE_ERROR_CODES.TEMPLATE, manifest, item, reason(cause), cause);
    }
    properties.add(item, value, manifest);
  }
  return properties;
}

async function resolveItem(manifest: ComponentManifest, item: MetadataItem, context: MetadataContext): Promise<string> {
  const sources = [item.hasValue && 'value', item.envRef && 'envRef', item.secretKeyRef && 'secretKeyRef'].filter(Boolean);
  if (sources.length > 1) {
    const used = !item.hasValue && item.envRef ? 'envRef' : item.secretKeyRef ? 'secretKeyRef' : 'value';
    context.diagnostics.warn(`sets ${sources.join(' and ')}; ${used} is used, as in Dapr`, at(manifest, item));
  }
  // Dapr's order: envRef only stands in for a missing value; a secretKeyRef overrides a value.
  if (!item.hasValue && item.envRef) return resolveEnvRef(manifest, item, item.envRef, context);
  if (item.secretKeyRef) return resolveSecret(manifest, item, item.secretKeyRef, context);
  try {
    return dynamicValueText(item.value);
  } catch (cause) {
    throw problem(RESOURCE_ERROR_CODES.VALUE, manifest, item, `cannot be encoded: ${reason(cause)}`, cause);
  }
}

function resolveEnvRef(manifest: ComponentManifest, item: MetadataItem, name: string, context: MetadataContext): string {
  const denial = envRefDenial(name, context.env);
  if (denial) throw problem(RESOURCE_ERROR_CODES.ENV_REF, manifest, item, `envRef ${JSON.stringify(name)} may not be read: ${denial}`);
  const value = context.env[name];
  if (value === undefined) throw problem(RESOURCE_ERROR_CODES.ENV_REF, manifest, item, `envRef names the environment variable ${name}, which is not set`);
  return value;
}

async function resolveSecret(
  manifest: ComponentManifest,
  item: MetadataItem,
  ref: { name: string; key: string },
  context: MetadataContext,
): Promise<string> {
  const store = manifest.secretStore;
  const described = `secret "${ref.name}"${ref.key !== ref.name ? ` key "${ref.key}"` : ''}${store ? ` in store "${store}"` : ''}`;
  let value: string | undefined;
  try {
    value = await context.secrets.resolve({ store, name: ref.name, key: ref.key, component: manifest.name });
  } catch (cause) {
    throw problem(RESOURCE_ERROR_CODES.SECRET, manifest, item, `cannot resolve ${described}: ${reason(cause)}`, cause);
  }
  // Dapr only takes a secret that exists and is not empty.
  if (value === undefined || value === '') throw problem(RESOURCE_ERROR_CODES.SECRET, manifest, item, `${described} was not found or is empty`);
  return value;
}

function at(manifest: ComponentManifest, item: MetadataItem) {
  return { file: manifest.file, ...(item.position ?? manifest.position), component: manifest.name, field: `spec.metadata.${item.name}` };
}

export function problem(code: ResourceErrorCode, manifest: ComponentManifest, item: MetadataItem, detail: string, cause?: unknown): DaprResourceError {
  return new DaprResourceError(code, detail, { ...at(manifest, item), cause });
}
