/**
 * The 19 `http_handler` host functions, bound to one guest instance. Each reads its arguments from
 * guest memory with bounds checks, applies the ABI's before/after-next rules, and traps the guest
 * (HostTrap) on anything invalid. None of them can throw anything else into the app.
 */
import { HostTrap } from '../../errors.js';
import type { HeaderFields } from '../../exchange/header-fields.js';
import { isFieldValue, isRequestTarget, isStatusCode, isToken } from '../../exchange/http-syntax.js';
import { LOG_LEVEL_DEBUG, LOG_LEVEL_NONE, type LogLevel, type Logger } from '../../logger.js';
import type { GuestMemory } from '../../wasm/guest-memory.js';
import {
  BODY_KIND_REQUEST, BODY_KIND_RESPONSE, FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE,
  HEADER_KIND_REQUEST, HEADER_KIND_REQUEST_TRAILERS, HEADER_KIND_RESPONSE, HEADER_KIND_RESPONSE_TRAILERS,
  headerKindNames, type HeaderKind,
} from './constants.js';
import type { RequestState } from './request-state.js';

/** What the host functions of one instance reach. */
export interface HostContext {
  memory(): GuestMemory;
  /** The request in flight on this instance, if any (none while the guest initialises). */
  state(): RequestState | undefined;
  readonly guestConfig: Uint8Array;
  readonly logger: Logger;
  /** Features the host can enable at all. */
  readonly supportedFeatures: number;
  /** Features enabled at init, for every request; shared by all instances of the guest. */
  initFeatures: number;
  /** Calls made during init (no request in flight), for `describe()`. */
  readonly init: { requested: number; enableFeaturesCalls: number; getConfigCalls: number };
  /** Guest log lines, tagged by the caller with the request they belong to. */
  log(level: LogLevel, message: string): void;
}

const two32 = 0x1_0000_0000n;

/** Packs two u32 into the i64 the ABI returns (high, low); BigInt because the wasm result is i64. */
export function packU32Pair(high: number, low: number): bigint {
  return BigInt(high >>> 0) * two32 + BigInt(low >>> 0);
}

function requireState(ctx: HostContext, fn: string): RequestState {
  const s = ctx.state();
  if (!s) throw new HostTrap(`${fn} called outside a request`);
  return s;
}

function headerKind(kind: number): HeaderKind {
  if (kind < 0 || kind > 3) throw new HostTrap(`unsupported header kind: ${kind}`);
  return kind as HeaderKind;
}

/** Writes `value` (latin1) at buf if it fits in buf_limit; always returns its full length. */
function writeIfFits(ctx: HostContext, buf: number, limit: number, value: string, what: string): number {
  if (value.length <= limit >>> 0 && value.length > 0) ctx.memory().writeLatin1(buf, value, what);
  return value.length;
}

/** Writes NUL-terminated strings if they fit; returns count<<32 | total length. */
function writeNulTerminated(ctx: HostContext, buf: number, limit: number, values: string[], what: string): bigint {
  let len = 0;
  for (const v of values) len += v.length + 1;
  if (len > 0 && len <= limit >>> 0) {
    const m = ctx.memory();
    m.check(buf, len, what);
    let at = buf >>> 0;
    for (const v of values) {
      m.writeLatin1(at, v, what);
      at += v.length;
      m.setU8(at++, 0, what);
    }
  }
  return packU32Pair(values.length, len);
}

function mustHeaderMutable(s: RequestState, op: string, kind: HeaderKind): void {
  if (kind === HEADER_KIND_REQUEST || kind === HEADER_KIND_REQUEST_TRAILERS) s.mustBeforeNext(op, headerKindNames[kind]);
  else s.mustBeforeNextOrFeature(FEATURE_BUFFER_RESPONSE, op, headerKindNames[kind]);
  if ((kind === HEADER_KIND_REQUEST_TRAILERS || kind === HEADER_KIND_RESPONSE_TRAILERS) && !s.supportsTrailers) {
    throw new HostTrap(`can't ${op} ${headerKindNames[kind]}: this host does not support trailers`);
  }
}

function readHeaderName(ctx: HostContext, ptr: number, len: number): string {
  if (len === 0) throw new HostTrap('HTTP header name cannot be empty');
  return ctx.memory().latin1(ptr, len, 'header name');
}

function mutateHeader(ctx: HostContext, op: 'set' | 'add', kind: number, name: number, nameLen: number, value: number, valueLen: number): void {
  const s = requireState(ctx, `${op}_header_value`);
  const k = headerKind(kind);
  const n = readHeaderName(ctx, name, nameLen);
  mustHeaderMutable(s, op, k);
  const v = ctx.memory().latin1(value, valueLen, 'header value');
  if (!isToken(n)) throw new HostTrap(`invalid header name ${JSON.stringify(n)}`);
  if (!isFieldValue(v)) throw new HostTrap(`invalid value for header ${n}: control characters are not allowed`);
  const fields: HeaderFields = s.fields(k);
  if (op === 'set') fields.set(n, v);
  else fields.add(n, v);
}

export function createHostFunctions(ctx: HostContext): Record<string, (...args: number[]) => number | bigint | void> {
  return {
    enable_features(features: number): number {
      const s = ctx.state();
      const wanted = (features >>> 0) & ctx.supportedFeatures;
      // Features take effect only before next: after it, the response was already handled as it
      // was, so a late enable changes nothing and unlocks nothing.
      if (s) return s.afterNext ? s.features : (s.features |= wanted);
      ctx.init.requested |= features >>> 0;
      ctx.init.enableFeaturesCalls++;
      return (ctx.initFeatures |= wanted);
    },

    get_config(buf: number, limit: number): number {
      if (!ctx.state()) ctx.init.getConfigCalls++;
      const config = ctx.guestConfig;
      if (config.length > 0 && config.length <= limit >>> 0) ctx.memory().write(buf, config, 'config buffer');
      return config.length;
    },

    log_enabled(level: number): number {
      return level >= LOG_LEVEL_DEBUG && level < LOG_LEVEL_NONE && ctx.logger.enabled(level as LogLevel) ? 1 : 0;
    },

    log(level: number, message: number, messageLen: number): void {
      if (level < LOG_LEVEL_DEBUG || level >= LOG_LEVEL_NONE || !ctx.logger.enabled(level as LogLevel)) return;
      // The ABI asks hosts to ignore a message they cannot log rather than trap.
      let text: string;
      try {
        text = messageLen === 0 ? '' : ctx.memory().utf8(message, messageLen, 'log message');
      } catch {
        return;
      }
      ctx.log(level as LogLevel, text);
    },

    get_method(buf: number, limit: number): number {
      return writeIfFits(ctx, buf, limit, requireState(ctx, 'get_method').getMethod(), 'method buffer');
    },

    set_method(ptr: number, len: number): void {
      const s = requireState(ctx, 'set_method');
      s.mustBeforeNext('set', 'method');
      if (len === 0) throw new HostTrap('HTTP method cannot be empty');
      const method = ctx.memory().latin1(ptr, len, 'method');
      if (!isToken(method)) throw new HostTrap(`invalid HTTP method ${JSON.stringify(method)}`);
      s.setMethod(method);
    },

    get_uri(buf: number, limit: number): number {
      return writeIfFits(ctx, buf, limit, requireState(ctx, 'get_uri').getUri(), 'uri buffer');
    },

    set_uri(ptr: number, len: number): void {
      const s = requireState(ctx, 'set_uri');
      s.mustBeforeNext('set', 'uri');
      const uri = len === 0 ? '/' : ctx.memory().latin1(ptr, len, 'uri');
      if (!isRequestTarget(uri) || (uri[0] !== '/' && !/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(uri))) {
        throw new HostTrap(`invalid request URI ${JSON.stringify(uri)}`);
      }
      s.setUri(uri);
    },

    get_protocol_version(buf: number, limit: number): number {
      const protocol = requireState(ctx, 'get_protocol_version').request.protocol;
      if (!protocol) throw new HostTrap('HTTP protocol version cannot be empty');
      return writeIfFits(ctx, buf, limit, protocol, 'protocol buffer');
    },

    get_header_names(kind: number, buf: number, limit: number): bigint {
      const s = requireState(ctx, 'get_header_names');
      return writeNulTerminated(ctx, buf, limit, s.fields(headerKind(kind)).names(), 'header names buffer');
    },

    get_header_values(kind: number, name: number, nameLen: number, buf: number, limit: number): bigint {
      const s = requireState(ctx, 'get_header_values');
      const k = headerKind(kind);
      const n = readHeaderName(ctx, name, nameLen);
      return writeNulTerminated(ctx, buf, limit, s.fields(k).values(n), 'header values buffer');
    },

    set_header_value(kind: number, name: number, nameLen: number, value: number, valueLen: number): void {
      mutateHeader(ctx, 'set', kind, name, nameLen, value, valueLen);
    },

    add_header_value(kind: number, name: number, nameLen: number, value: number, valueLen: number): void {
      mutateHeader(ctx, 'add', kind, name, nameLen, value, valueLen);
    },

    remove_header(kind: number, name: number, nameLen: number): void {
      const s = requireState(ctx, 'remove_header');
      const k = headerKind(kind);
      const n = readHeaderName(ctx, name, nameLen);
      mustHeaderMutable(s, 'remove', k);
      s.fields(k).remove(n);
    },

    read_body(kind: number, buf: number, limit: number): bigint {
      const s = requireState(ctx, 'read_body');
      if (limit === 0) throw new HostTrap('buf_limit==0 reading body');
      let chunk: Uint8Array;
      let eof: boolean;
      if (kind === BODY_KIND_REQUEST) {
        s.mustBeforeNextOrFeature(FEATURE_BUFFER_REQUEST, 'read', 'request body');
        ctx.memory().check(buf, limit, 'body buffer');
        [chunk, eof] = s.readRequestBody(limit >>> 0);
      } else if (kind === BODY_KIND_RESPONSE) {
        s.mustBeforeNextOrFeature(FEATURE_BUFFER_RESPONSE, 'read', 'response body');
        ctx.memory().check(buf, limit, 'body buffer');
        [chunk, eof] = s.readResponseBody(limit >>> 0);
      } else throw new HostTrap(`unsupported body kind: ${kind}`);
      ctx.memory().write(buf, chunk, 'body buffer');
      return packU32Pair(eof ? 1 : 0, chunk.length);
    },

    write_body(kind: number, ptr: number, len: number): void {
      const s = requireState(ctx, 'write_body');
      if (kind === BODY_KIND_REQUEST) {
        s.mustBeforeNext('write', 'request body');
        s.writeRequestBody(ctx.memory().bytes(ptr, len, 'body'));
      } else if (kind === BODY_KIND_RESPONSE) {
        s.mustBeforeNextOrFeature(FEATURE_BUFFER_RESPONSE, 'write', 'response body');
        s.writeResponseBody(ctx.memory().bytes(ptr, len, 'body'));
      } else throw new HostTrap(`unsupported body kind: ${kind}`);
    },

    get_status_code(): number {
      return requireState(ctx, 'get_status_code').getStatus();
    },

    set_status_code(status: number): void {
      const s = requireState(ctx, 'set_status_code');
      s.mustBeforeNextOrFeature(FEATURE_BUFFER_RESPONSE, 'set', 'status code');
      if (!isStatusCode(status)) throw new HostTrap(`invalid status code ${status}`);
      s.setStatus(status);
    },

    get_source_addr(buf: number, limit: number): number {
      return writeIfFits(ctx, buf, limit, requireState(ctx, 'get_source_addr').getSourceAddr(), 'source address buffer');
    },
  };
}
