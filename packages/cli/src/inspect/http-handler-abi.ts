/**
 * The http-wasm handler ABI's 19 host functions, grouped as the spec groups them, so `inspect` can
 * say what a guest touches in words a guest author knows. Signatures are checked by the core.
 */
import { FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS, featureNames } from '@dapr-wasm/core';

export const HTTP_HANDLER_GROUPS: Readonly<Record<string, readonly string[]>> = {
  setup: ['enable_features', 'get_config'],
  logging: ['log_enabled', 'log'],
  'request line': ['get_method', 'set_method', 'get_uri', 'set_uri', 'get_protocol_version'],
  headers: ['get_header_names', 'get_header_values', 'set_header_value', 'add_header_value', 'remove_header'],
  bodies: ['read_body', 'write_body'],
  status: ['get_status_code', 'set_status_code'],
  client: ['get_source_addr'],
};

export const HTTP_HANDLER_FUNCTIONS: readonly string[] = Object.values(HTTP_HANDLER_GROUPS).flat();

/** The names of the feature bits in `bits`, as the ABI spells them; unknown bits in hex. */
export function featureList(bits: number): string[] {
  const known = FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE | FEATURE_TRAILERS;
  const names = [FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS].filter((bit) => bits & bit).map((bit) => featureNames[bit]);
  if (bits & ~known) names.push(`0x${((bits & ~known) >>> 0).toString(16)}`);
  return names;
}
