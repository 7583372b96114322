import { DaprResourceError, RESOURCE_ERROR_CODES, type ResourceErrorCode } from './errors.js';
import { describeValue, isRecord, scalarText } from './dynamic-value.js';
import type { Position, YamlDocument } from './yaml-documents.js';

/** One `spec.metadata` entry, before its value is resolved. */
export interface MetadataItem {
  name: string;
  /** The YAML value; `undefined` when there is none. */
  value: unknown;
  /** Dapr's `HasValue`: a `value` that is present and not null (`""` counts). */
  hasValue: boolean;
  secretKeyRef: { name: string; key: string } | undefined;
  envRef: string | undefined;
  /** `spec.metadata[i]`, for messages. */
  field: string;
  position: Position | undefined;
}

/** The structural fields of a `kind: Component` (or seed-article `kind: Middleware`) document. */
export interface ComponentManifest {
  kind: string;
  name: string;
  namespace: string | undefined;
  type: string;
  version: string;
  ignoreErrors: boolean;
  initTimeout: string | undefined;
  scopes: string[];
  secretStore: string | undefined;
  metadata: MetadataItem[];
  file: string;
  position: Position;
  document: YamlDocument;
}

/** Reads a Component document, or throws naming the field that is malformed. */
export function readComponentManifest(doc: YamlDocument, kind: string): ComponentManifest {
  const root = doc.value as Record<string, unknown>;
  let component: string | undefined;
  const fail = (code: ResourceErrorCode, field: string, detail: string, path: (string | number)[] = field.split('.')): never => {
    const at = doc.positionOf(path) ?? doc.position;
    throw new DaprResourceError(code, detail, { file: doc.file, ...at, component, field });
  };
  const mapAt = (value: unknown, field: string): Record<string, unknown> => {
    if (value === undefined || value === null) return {};
    return isRecord(value) ? value : fail(RESOURCE_ERROR_CODES.FIELD, field, `must be a map, found ${describeValue(value)}`);
  };
  const textAt = (value: unknown, field: string, path?: (string | number)[]): string | undefined => {
    const text = scalarText(value);
    if (text === undefined && value !== undefined && value !== null) fail(RESOURCE_ERROR_CODES.FIELD, field, `must be a string, found ${describeValue(value)}`, path);
    return text;
  };

  const metadata = mapAt(root.metadata, 'metadata');
  const name = textAt(metadata.name, 'metadata.name');
  if (!name) fail(RESOURCE_ERROR_CODES.FIELD, 'metadata.name', `a ${kind} needs a name`);
  checkResourceName(name!, (detail) => fail(RESOURCE_ERROR_CODES.NAME, 'metadata.name', detail));
  component = name;

  const spec = mapAt(root.spec, 'spec');
  const type = textAt(spec.type, 'spec.type');
  if (!type) fail(RESOURCE_ERROR_CODES.FIELD, 'spec.type', `a ${kind} needs a type, such as middleware.http.wasm`);
  const ignoreErrors = spec.ignoreErrors ?? false;
  if (typeof ignoreErrors !== 'boolean') fail(RESOURCE_ERROR_CODES.FIELD, 'spec.ignoreErrors', `must be true or false, found ${describeValue(ignoreErrors)}`);

  const scopesValue = root.scopes ?? [];
  if (!Array.isArray(scopesValue)) fail(RESOURCE_ERROR_CODES.FIELD, 'scopes', `must be a list of app ids, found ${describeValue(scopesValue)}`);
  const scopes = (scopesValue as unknown[]).map((s, i) => textAt(s, `scopes[${i}]`, ['scopes', i]) ?? '');

  const itemsValue = spec.metadata ?? [];
  if (!Array.isArray(itemsValue)) fail(RESOURCE_ERROR_CODES.FIELD, 'spec.metadata', `must be a list of {name, value} entries, found ${describeValue(itemsValue)}`);
  const items = (itemsValue as unknown[]).map((raw, i): MetadataItem => {
    const field = `spec.metadata[${i}]`;
    const path = ['spec', 'metadata', i];
    if (!isRecord(raw)) fail(RESOURCE_ERROR_CODES.FIELD, field, `must be a {name, value} map, found ${describeValue(raw)}`, path);
    const item = raw as Record<string, unknown>;
    const itemName = textAt(item.name, `${field}.name`, [...path, 'name']);
    if (!itemName) fail(RESOURCE_ERROR_CODES.FIELD, `${field}.name`, 'a metadata entry needs a name', path);
    let secretKeyRef: MetadataItem['secretKeyRef'];
    if (item.secretKeyRef !== undefined && item.secretKeyRef !== null) {
      const ref = mapAt(item.secretKeyRef, `${field}.secretKeyRef`);
      const secretName = textAt(ref.name, `${field}.secretKeyRef.name`, [...path, 'secretKeyRef', 'name']);
      const key = textAt(ref.key, `${field}.secretKeyRef.key`, [...path, 'secretKeyRef', 'key']);
      if (secretName) secretKeyRef = { name: secretName, key: key || secretName };
    }
    return {
      name: itemName!,
      value: item.value ?? undefined,
      hasValue: item.value !== undefined && item.value !== null,
      secretKeyRef,
      envRef: textAt(item.envRef, `${field}.envRef`, [...path, 'envRef']) || undefined,
      field,
      position: doc.positionOf(path),
    };
  });

  return {
    kind,
    name: name!,
    namespace: textAt(metadata.namespace, 'metadata.namespace') || undefined,
    type: type!,
    version: textAt(spec.version, 'spec.version') ?? '',
    ignoreErrors: ignoreErrors as boolean,
    initTimeout: textAt(spec.initTimeout, 'spec.initTimeout') || undefined,
    scopes,
    secretStore: textAt(mapAt(root.auth, 'auth').secretStore, 'auth.secretStore') || undefined,
    metadata: items,
    file: doc.file,
    position: doc.position,
    document: doc,
  };
}

/**
 * Dapr's check (Kubernetes' path-segment rule) on resource names: a name must not be `.` or `..`
 * and must not contain `/` or `%`, since it becomes part of API paths.
 */
export function checkResourceName(name: string, fail: (detail: string) => never): void {
  if (name === '.' || name === '..') fail(`may not be "${name}"`);
  for (const c of ['/', '%']) if (name.includes(c)) fail(`may not contain "${c}" (found in "${name}")`);
}
