/**
 * JSON text exactly as Go's encoding/json writes it, because that is the text a Dapr guest receives
 * when a metadata value is a YAML map or list. It differs from JSON.stringify in three ways:
 * - object keys are sorted by their UTF-8 bytes (Go marshals a map in key order);
 * - `<`, `>`, `&`, U+2028 and U+2029 are escaped as `\u003c`-style sequences (Go escapes HTML);
 * - NaN and infinities are an error rather than `null`.
 */
export function goJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  switch (typeof value) {
    case 'string':
      return goJsonString(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return goJsonNumber(value);
  }
  if (Array.isArray(value)) return `[${value.map(goJson).join(',')}]`;
  // go-yaml v2 decodes `!!binary` into a string of the decoded bytes.
  if (value instanceof Uint8Array) return goJsonString(new TextDecoder().decode(value));
  if (typeof value === 'object') {
    const keys = Object.keys(value).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    return `{${keys.map((k) => `${goJsonString(k)}:${goJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  throw new TypeError(`json: unsupported type: ${typeof value}`);
}

const htmlUnsafe = /[<>&\u2028\u2029]/g;
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

export function goJsonString(s: string): string {
  // Go writes U+FFFD for text that is not valid UTF-8; a lone surrogate is the JavaScript equivalent.
  return JSON.stringify(s.replace(loneSurrogate, '\uFFFD')).replace(htmlUnsafe, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Go uses the shortest representation, like JavaScript, with the same switch to exponents. */
export function goJsonNumber(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`json: unsupported value: ${n}`);
  return Object.is(n, -0) ? '-0' : String(n);
}
