/**
 * Every bad resource file, Component or Configuration is reported as a DaprResourceError: a stable
 * `code` for programs, and for people the file, line, component and field at fault.
 */
export const RESOURCE_ERROR_CODES = {
  /** A resources path or Configuration file could not be read. */
  READ: 'DAPR_WASM_RESOURCE_READ',
  /** The file is not valid YAML. `line` and `column` point at the problem. */
  YAML: 'DAPR_WASM_RESOURCE_YAML',
  /** A document has no `kind`, or one Dapr does not define. */
  KIND: 'DAPR_WASM_RESOURCE_KIND',
  /** A Component's `apiVersion` is not `dapr.io/v1alpha1` (Dapr would silently ignore it). */
  API_VERSION: 'DAPR_WASM_RESOURCE_API_VERSION',
  /** A structural field is missing or has the wrong shape (a list where a string belongs, ...). */
  FIELD: 'DAPR_WASM_RESOURCE_FIELD',
  /** `metadata.name` is not a valid resource name. */
  NAME: 'DAPR_WASM_RESOURCE_NAME',
  /** Two Components share a name. The message names both files. */
  DUPLICATE_NAME: 'DAPR_WASM_RESOURCE_DUPLICATE_NAME',
  /** One metadata key appears twice (keys match case-insensitively). */
  DUPLICATE_METADATA: 'DAPR_WASM_RESOURCE_DUPLICATE_METADATA',
  /** A wasm Component sets neither `url` nor the legacy `path`. */
  MISSING_URL: 'DAPR_WASM_RESOURCE_MISSING_URL',
  /** `url` has no scheme, an unsupported scheme, or does not parse. */
  URL: 'DAPR_WASM_RESOURCE_URL',
  /** A metadata value or string holds a number Dapr cannot encode (`.inf`, `.nan`). */
  VALUE: 'DAPR_WASM_RESOURCE_VALUE',
  /** A `secretKeyRef` could not be resolved. */
  SECRET: 'DAPR_WASM_RESOURCE_SECRET',
  /** An `envRef` names a variable that is unset or that Dapr forbids reading. */
  ENV_REF: 'DAPR_WASM_RESOURCE_ENV_REF',
  /** `initTimeout` is not a positive Go duration ("5s", "1m30s"). */
  DURATION: 'DAPR_WASM_RESOURCE_DURATION',
  /** A Component or handler asks for a version of the wasm middleware that does not exist. */
  VERSION: 'DAPR_WASM_RESOURCE_VERSION',
  /** A metadata template cannot be filled (`{podName}` without a pod name). */
  TEMPLATE: 'DAPR_WASM_RESOURCE_TEMPLATE',
  /** A pipeline handler names no loaded Component. */
  MISSING_HANDLER: 'DAPR_WASM_RESOURCE_MISSING_HANDLER',
  /** A pipeline handler is a middleware type other than wasm, which cannot run inline. */
  HANDLER_TYPE: 'DAPR_WASM_RESOURCE_HANDLER_TYPE',
  /** The Configuration file holds no `kind: Configuration` document, or more than one. */
  CONFIGURATION: 'DAPR_WASM_RESOURCE_CONFIGURATION',
} as const;

export type ResourceErrorCode = (typeof RESOURCE_ERROR_CODES)[keyof typeof RESOURCE_ERROR_CODES];

/** Where a problem is: each part is set when known. */
export interface ResourceLocation {
  /** Absolute path of the file. */
  file?: string;
  /** 1-based line in `file`. */
  line?: number;
  /** 1-based column in `file`. */
  column?: number;
  /** The Component at fault: its `metadata.name`, or the name a pipeline handler gives. */
  component?: string;
  /** The field at fault, as a path: `spec.initTimeout`, `spec.metadata.url`. */
  field?: string;
}

export interface DaprResourceErrorOptions extends ResourceLocation {
  cause?: unknown;
}

export class DaprResourceError extends Error {
  override name = 'DaprResourceError';
  readonly code: ResourceErrorCode;
  readonly file: string | undefined;
  readonly line: number | undefined;
  readonly column: number | undefined;
  readonly component: string | undefined;
  readonly field: string | undefined;

  constructor(code: ResourceErrorCode, detail: string, options: DaprResourceErrorOptions = {}) {
    super(formatProblem(detail, options), options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.component = options.component;
    this.field = options.field;
  }
}

/** `file:line:column: component "x", field "y": detail`, leaving out the parts not known. */
export function formatProblem(detail: string, at: ResourceLocation): string {
  let where = at.file ?? '';
  if (where && at.line !== undefined) where += `:${at.line}` + (at.column !== undefined ? `:${at.column}` : '');
  const what = [
    at.component !== undefined ? `component "${at.component}"` : '',
    at.field !== undefined ? `field "${at.field}"` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return [where, what, detail].filter(Boolean).join(': ');
}
