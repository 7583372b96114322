/** Exact signatures of the ABI: what the guest must export and what the host provides. */
import type { FuncType } from '../../wasm/module-info.js';

const fn = (params: FuncType['params'], results: FuncType['results'] = []): FuncType => ({ params, results });
const i32 = 'i32' as const;
const i64 = 'i64' as const;

export const guestExports: Record<string, FuncType> = {
  handle_request: fn([], [i64]),
  handle_response: fn([i32, i32]),
};

export const hostFunctions: Record<string, FuncType> = {
  enable_features: fn([i32], [i32]),
  get_config: fn([i32, i32], [i32]),
  log_enabled: fn([i32], [i32]),
  log: fn([i32, i32, i32]),
  get_method: fn([i32, i32], [i32]),
  set_method: fn([i32, i32]),
  get_uri: fn([i32, i32], [i32]),
  set_uri: fn([i32, i32]),
  get_protocol_version: fn([i32, i32], [i32]),
  get_header_names: fn([i32, i32, i32], [i64]),
  get_header_values: fn([i32, i32, i32, i32, i32], [i64]),
  set_header_value: fn([i32, i32, i32, i32, i32]),
  add_header_value: fn([i32, i32, i32, i32, i32]),
  remove_header: fn([i32, i32, i32]),
  read_body: fn([i32, i32, i32], [i64]),
  write_body: fn([i32, i32, i32]),
  get_status_code: fn([], [i32]),
  set_status_code: fn([i32]),
  get_source_addr: fn([i32, i32], [i32]),
};
