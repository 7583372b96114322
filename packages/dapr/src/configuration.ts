import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Diagnostics } from './diagnostics.js';
import { describeValue, isRecord, scalarText } from './dynamic-value.js';
import { expandEnv } from './env-expansion.js';
import { DaprResourceError, RESOURCE_ERROR_CODES, type ResourceLocation } from './errors.js';
import { reason } from './resource-files.js';
import { parseYamlDocuments, type Position, type YamlDocument } from './yaml-documents.js';

/** One `handlers` entry of a pipeline. */
export interface HandlerSpec {
  name: string;
  type: string;
  /** "" when not written; Dapr reads that as v1. */
  version: string;
  /** Where it is written, for messages: `spec.httpPipeline.handlers[0]`. */
  field: string;
  file: string;
  position: Position;
}

/** The parts of a Configuration this package acts on. */
export interface ConfigurationSpec {
  name: string | undefined;
  files: string[];
  httpPipeline: HandlerSpec[];
  appHttpPipeline: HandlerSpec[];
  /** `spec.wasm.strictSandbox`. */
  strictSandbox: boolean;
}

type PipelineField = 'httpPipeline' | 'appHttpPipeline';

/**
 * Reads Configuration files as `daprd --config` does: the file text is environment-expanded
 * (`$VAR`, `${VAR}`) before parsing, keys are case-sensitive, and with several files each later one
 * replaces the sections it sets. Unlike Dapr, a key that differs from a known one only in case is an
 * error rather than silently ignored, and the file must hold one `kind: Configuration` document.
 */
export async function loadConfiguration(
  files: readonly string[],
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  diagnostics: Diagnostics,
): Promise<ConfigurationSpec> {
  const spec: ConfigurationSpec = { name: undefined, files: [], httpPipeline: [], appHttpPipeline: [], strictSandbox: false };
  for (const given of files) {
    const file = resolve(cwd, given);
    const text = await readFile(file, 'utf8').catch((cause: unknown) => {
      throw new DaprResourceError(RESOURCE_ERROR_CODES.READ, `cannot read Configuration: ${reason(cause)}`, { file, cause });
    });
    const missing = new Set<string>();
    const expanded = expandEnv(text, env, (name) => missing.add(name));
    for (const name of missing) diagnostics.warn(`$${name} is not set; it expands to the empty string, as in Dapr`, { file });
    applyDocument(spec, configurationDocument(parseYamlDocuments(expanded, file, 'configuration', diagnostics), file), diagnostics);
    spec.files.push(file);
  }
  return spec;
}

function configurationDocument(documents: YamlDocument[], file: string): YamlDocument {
  const found = documents.filter((d) => isRecord(d.value) && d.value.kind === 'Configuration');
  if (found.length === 1) return found[0]!;
  throw new DaprResourceError(
    RESOURCE_ERROR_CODES.CONFIGURATION,
    found.length === 0 ? 'the file holds no kind: Configuration document' : `the file holds ${found.length} kind: Configuration documents; use one`,
    { file, ...found[1]?.position },
  );
}

function applyDocument(spec: ConfigurationSpec, doc: YamlDocument, diagnostics: Diagnostics): void {
  const root = doc.value as Record<string, unknown>;
  const reader = new FieldReader(doc, diagnostics);
  const metadata = reader.map(root.metadata, ['metadata']);
  spec.name = scalarText(metadata.name) ?? spec.name;

  const body = reader.map(root.spec, ['spec']);
  reader.checkCase(body, ['spec'], ['httpPipeline', 'appHttpPipeline', 'wasm']);
  for (const field of ['httpPipeline', 'appHttpPipeline'] as PipelineField[]) {
    if (body[field] !== undefined && body[field] !== null) spec[field] = readPipeline(reader, body[field], field);
  }
  if (body.wasm !== undefined && body.wasm !== null) {
    const wasm = reader.map(body.wasm, ['spec', 'wasm']);
    reader.checkCase(wasm, ['spec', 'wasm'], ['strictSandbox']);
    spec.strictSandbox = readBoolean(reader, wasm.strictSandbox, ['spec', 'wasm', 'strictSandbox']);
  }
}

function readPipeline(reader: FieldReader, value: unknown, field: PipelineField): HandlerSpec[] {
  const pipeline = reader.map(value, ['spec', field]);
  reader.checkCase(pipeline, ['spec', field], ['handlers']);
  const handlers = pipeline.handlers ?? [];
  if (!Array.isArray(handlers)) reader.fail(['spec', field, 'handlers'], `must be a list of handlers, found ${describeValue(handlers)}`);
  return (handlers as unknown[]).map((raw, i) => {
    const path = ['spec', field, 'handlers', i];
    const handler = reader.map(raw, path);
    reader.checkCase(handler, path, ['name', 'type', 'version', 'selector']);
    const name = reader.text(handler.name, [...path, 'name']);
    const type = reader.text(handler.type, [...path, 'type']);
    if (!name) reader.fail([...path, 'name'], 'a handler needs the name of a Component');
    if (!type) reader.fail([...path, 'type'], 'a handler needs a type, such as middleware.http.wasm');
    if (handler.selector !== undefined) reader.warn(path, `handler "${name}" has a selector, which is not supported; ignored`);
    return {
      name: name!,
      type: type!,
      version: reader.text(handler.version, [...path, 'version']) ?? '',
      field: reader.fieldName(path),
      file: reader.doc.file,
      position: reader.position(path),
    };
  });
}

/** go-yaml v3 decodes a bool field from true/false and also from YAML 1.1's yes/no/on/off. */
function readBoolean(reader: FieldReader, value: unknown, path: (string | number)[]): boolean {
  if (value === undefined || value === null) return false;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    if (/^(y|Y|yes|Yes|YES|on|On|ON)$/.test(value)) return true;
    if (/^(n|N|no|No|NO|off|Off|OFF)$/.test(value)) return false;
  }
  return reader.fail(path, `must be true or false, found ${describeValue(value)}`);
}

/** Reads fields of one Configuration document, failing with the file, line and field path. */
class FieldReader {
  constructor(readonly doc: YamlDocument, private readonly diagnostics?: Diagnostics) {}

  fieldName(path: readonly (string | number)[]): string {
    return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : i === 0 ? p : `.${p}`)).join('');
  }

  position(path: readonly (string | number)[]): Position {
    return this.doc.positionOf(path) ?? this.doc.position;
  }

  at(path: readonly (string | number)[]): ResourceLocation {
    return { file: this.doc.file, ...this.position(path), field: this.fieldName(path) };
  }

  fail(path: readonly (string | number)[], detail: string): never {
    throw new DaprResourceError(RESOURCE_ERROR_CODES.FIELD, detail, this.at(path));
  }

  warn(path: readonly (string | number)[], detail: string): void {
    this.diagnostics?.warn(detail, this.at(path));
  }

  map(value: unknown, path: readonly (string | number)[]): Record<string, unknown> {
    if (value === undefined || value === null) return {};
    return isRecord(value) ? value : this.fail(path, `must be a map, found ${describeValue(value)}`);
  }

  text(value: unknown, path: readonly (string | number)[]): string | undefined {
    const text = scalarText(value);
    if (text === undefined && value !== undefined && value !== null) this.fail(path, `must be a string, found ${describeValue(value)}`);
    return text;
  }

  /** Dapr matches Configuration keys case-sensitively, so `HttpPipeline` would silently do nothing. */
  checkCase(map: Record<string, unknown>, path: readonly (string | number)[], known: readonly string[]): void {
    for (const key of Object.keys(map)) {
      const meant = known.find((k) => k !== key && k.toLowerCase() === key.toLowerCase());
      if (meant) this.fail([...path, key], `Configuration keys are case-sensitive: "${key}" is not read; write "${meant}"`);
    }
  }
}
