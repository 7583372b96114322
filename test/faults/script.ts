/**
 * Scripts for the scripted hostile guest (guests/hostile/scripted.wat): a list of calls the guest
 * makes with exactly the arguments given, sent hex-encoded in the `x-script` request header. The
 * fault matrix and the host-function fuzzer (packages/core/test/fuzz) both write them here, so the
 * record layout lives in one place beside the guest's own description of it.
 */

export const SCRIPTED_GUEST = 'guests/hostile/scripted.wasm';
export const SCRIPT_HEADER = 'x-script';

/** The 19 http_handler functions, in the guest's table order (op = index). */
export const HOST_FUNCTIONS = [
  'enable_features', 'get_config', 'log_enabled', 'log', 'get_method', 'set_method', 'get_uri', 'set_uri',
  'get_protocol_version', 'get_header_names', 'get_header_values', 'set_header_value', 'add_header_value',
  'remove_header', 'read_body', 'write_body', 'get_status_code', 'set_status_code', 'get_source_addr',
] as const;

export type HostFunction = (typeof HOST_FUNCTIONS)[number];

/** How many i32 arguments each host function takes (the rest of a record's five are ignored). */
export const ARITY: Readonly<Record<HostFunction, number>> = {
  enable_features: 1, get_config: 2, log_enabled: 1, log: 3, get_method: 2, set_method: 2, get_uri: 2, set_uri: 2,
  get_protocol_version: 2, get_header_names: 3, get_header_values: 5, set_header_value: 5, add_header_value: 5,
  remove_header: 3, read_body: 3, write_body: 3, get_status_code: 0, set_status_code: 1, get_source_addr: 2,
};

/** Ops beyond the host functions: the split between phases, and hostile acts. */
export const OP = {
  next: 0x20,
  trap: 0x21,
  spin: 0x22,
  bomb: 0x23,
  bigBody: 0x24,
  report: 0x25,
  grow: 0x26,
} as const;

/**
 * Strings in the guest's data segment (scripted.wat), by offset. Pointers to them make valid (or
 * exactly invalid) arguments; `ref(name)` gives the (ptr, len) pair.
 */
export const DICT = {
  ok: { at: 0x4000, text: 'x-ok' },
  fine: { at: 0x4010, text: 'fine' },
  crlfValue: { at: 0x4020, text: 'fine\r\nx-injected: yes' },
  script: { at: 0x4040, text: 'x-script' },
  contentType: { at: 0x4050, text: 'content-type' },
  badName: { at: 0x4060, text: 'bad name' },
  mixedCase: { at: 0x4070, text: 'X-Mixed-Case' },
  patch: { at: 0x4080, text: 'PATCH' },
  rewrittenUri: { at: 0x4090, text: '/rewritten?q=1' },
  badUri: { at: 0x40b0, text: 'bad uri' },
  latin1Value: { at: 0x40c0, text: 'h\xe9llo' },
  nulValue: { at: 0x40d0, text: 'nul\0inside' },
  injected: { at: 0x40e0, text: 'x-injected' },
  crlfMethod: { at: 0x40f0, text: 'GET\r\n' },
  empty: { at: 0x4100, text: 'x-empty' },
} as const satisfies Record<string, { at: number; text: string }>;

export type DictName = keyof typeof DICT;

/** The (ptr, len) of a dictionary string. */
export function ref(name: DictName): [number, number] {
  return [DICT[name].at, DICT[name].text.length];
}

/** The dictionary region as the guest's memory holds it at start: [DICT_START, DICT_END). */
export const DICT_START = 0x4000;
export const DICT_END = 0x5000;

export function dictionaryBytes(): Uint8Array {
  const bytes = new Uint8Array(DICT_END - DICT_START);
  for (const { at, text } of Object.values(DICT)) for (let i = 0; i < text.length; i++) bytes[at - DICT_START + i] = text.charCodeAt(i);
  return bytes;
}

/** Where the guest's memory regions begin (see scripted.wat). */
export const MEMORY = {
  pageBytes: 0x10000,
  scratchEnd: 0x4000,
  report: 0x6ff0,
  results: 0x7000,
  header: 0x8000,
  script: 0xc000,
} as const;

export interface Call {
  readonly op: number;
  /** Up to five i32 arguments; numbers outside i32 wrap as the guest would see them. */
  readonly args: readonly number[];
}

export const RECORD_BYTES = 21;

export function call(fn: HostFunction, ...args: number[]): Call {
  return { op: HOST_FUNCTIONS.indexOf(fn), args };
}

/** handle_request returns `ctx << 32 | next` here; later calls run in handle_response. */
export const next = (ctx = 0, flag = 1): Call => ({ op: OP.next, args: [ctx, flag] });
export const trap = (): Call => ({ op: OP.trap, args: [] });
export const spin = (): Call => ({ op: OP.spin, args: [] });
/** Grows memory `pages` at a time until refused, then traps. */
export const bomb = (pages = 16): Call => ({ op: OP.bomb, args: [pages] });
/** write_body(kind, chunk, chunkBytes) `times` times: the guest's attempt at a huge body. */
export const bigBody = (times: number, chunkBytes: number, kind = 1): Call => ({ op: OP.bigBody, args: [times, chunkBytes, kind] });
/** Writes the report as the response body: ctx and isError (i32 each, -1 before handle_response), 8 zero bytes, then each result as i64. */
export const report = (): Call => ({ op: OP.report, args: [] });
export const grow = (pages: number): Call => ({ op: OP.grow, args: [pages] });

/** The `x-script` header value for these calls. */
export function encodeScript(calls: readonly Call[]): string {
  const bytes = new Uint8Array(calls.length * RECORD_BYTES);
  const view = new DataView(bytes.buffer);
  calls.forEach((c, i) => {
    const at = i * RECORD_BYTES;
    bytes[at] = c.op;
    for (let a = 0; a < 5; a++) view.setInt32(at + 1 + a * 4, (c.args[a] ?? 0) | 0, true);
  });
  let hex = '';
  for (const b of bytes) hex += b.toString(16).padStart(2, '0');
  return hex;
}

export interface Report {
  /** handle_response's reqCtx, or -1 if it did not run before the report. */
  readonly ctx: number;
  readonly isError: number;
  /** Each recorded call's result, as the u64 the guest stored. */
  readonly results: readonly bigint[];
}

export function decodeReport(body: Uint8Array): Report {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const results: bigint[] = [];
  for (let at = 16; at + 8 <= body.length; at += 8) results.push(view.getBigUint64(at, true));
  return { ctx: view.getInt32(0, true), isError: view.getInt32(4, true), results };
}
