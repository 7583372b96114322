import { goJson, goJsonNumber } from './go-json.js';

/**
 * The string a Component metadata `value` becomes, as Dapr's `DynamicValue.String()` makes it.
 * Dapr keeps the value as the JSON encoding of the YAML node and unquotes it if it is a JSON string:
 * - a string stays itself;
 * - a number or boolean becomes its JSON text (`5`, `1.5`, `true`; YAML 1.1 `yes` is `true`);
 * - null or an absent value becomes the empty string;
 * - a map or list becomes its compact JSON text with keys sorted (see goJson).
 *
 * Throws a RangeError for `.inf`/`.nan`, which Dapr cannot encode either.
 */
export function dynamicValueText(value: unknown): string {
  if (value === null || value === undefined) return '';
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return goJsonNumber(value);
    default:
      return goJson(value);
  }
}

/**
 * The string a structural field (`metadata.name`, `spec.version`, a scope...) holds. Dapr's decoder
 * turns a scalar into text when the Go field is a string, so `version: 1` is "1"; a map or a list
 * there is an error, reported by the caller.
 */
export function scalarText(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (typeof value) {
    case 'string':
      return value;
    case 'boolean':
    case 'bigint':
      return String(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : undefined;
    default:
      return undefined;
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

/** How a value reads in an error message. */
export function describeValue(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (isRecord(value)) return 'a map';
  if (typeof value === 'string') return `the string ${JSON.stringify(value)}`;
  return `${typeof value === 'bigint' ? 'the number' : `the ${typeof value}`} ${String(value)}`;
}
