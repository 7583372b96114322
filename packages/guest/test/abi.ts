// The http_handler host functions and their exact wasm signatures, restated from the spec
// (http-wasm/http-wasm content/http-handler-abi.md) independently of the SDK's abi.ts.
import type { Signature } from './wasm-signatures';

const sig = (params: string, results = ''): Signature =>
  ({ params: params ? params.split(' ') : [], results: results ? [results] : [] }) as Signature;

export const HOST_FUNCTIONS: Record<string, Signature> = {
  enable_features: sig('i32', 'i32'),
  get_config: sig('i32 i32', 'i32'),
  log_enabled: sig('i32', 'i32'),
  log: sig('i32 i32 i32'),
  get_method: sig('i32 i32', 'i32'),
  set_method: sig('i32 i32'),
  get_uri: sig('i32 i32', 'i32'),
  set_uri: sig('i32 i32'),
  get_protocol_version: sig('i32 i32', 'i32'),
  get_header_names: sig('i32 i32 i32', 'i64'),
  get_header_values: sig('i32 i32 i32 i32 i32', 'i64'),
  set_header_value: sig('i32 i32 i32 i32 i32'),
  add_header_value: sig('i32 i32 i32 i32 i32'),
  remove_header: sig('i32 i32 i32'),
  read_body: sig('i32 i32 i32', 'i64'),
  write_body: sig('i32 i32 i32'),
  get_status_code: sig('', 'i32'),
  set_status_code: sig('i32'),
  get_source_addr: sig('i32 i32', 'i32'),
};

export const LIFECYCLE_EXPORTS: Record<string, Signature> = {
  handle_request: sig('', 'i64'),
  handle_response: sig('i32 i32'),
};
