/**
 * What one http_handler call must do, written from the ABI and this host's documented rules rather
 * than from the host's code: trap or not, and the result the guest gets back. The fuzzer holds the
 * host to it. Where the call reads guest memory the model cannot know (scratch that earlier
 * requests wrote), the verdict is 'unknown' and only the generic invariants apply.
 */
import { DICT_END, DICT_START, dictionaryBytes, type HostFunction } from '../../../../test/faults/script.js';
import type { DownstreamSpec, Line, RequestSpec } from './scripted-middleware.js';

export const MEMORY_BYTES = 0x10000;
const FEATURE_BUFFER_REQUEST = 1;
const FEATURE_BUFFER_RESPONSE = 2;
/** The core without adapter capabilities offers no trailers. */
const SUPPORTED_FEATURES = FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE;

// RFC 9110: a token, and a field value (visible characters, obs-text, SP, HTAB).
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const FIELD_VALUE = /^[\t\x20-\x7e\x80-\xff]*$/;
export const isToken = (s: string) => TOKEN.test(s);
export const isFieldValue = (s: string) => FIELD_VALUE.test(s);
/** This host takes an origin-form or absolute-form target without controls or whitespace. */
export const isSettableUri = (s: string) => /^[\x21-\x7e\x80-\xff]+$/.test(s) && (s[0] === '/' || /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//.test(s));

export interface CallSite {
  readonly phase: 'request' | 'response';
  /** Features in effect when the call runs. */
  readonly features: number;
  readonly request: RequestSpec;
  /** Every request header line, the script's included. */
  readonly requestLines: readonly Line[];
  readonly downstream: DownstreamSpec;
  readonly guestConfig: string;
  /** What get_source_addr must report, or undefined where the address is unknown. */
  readonly sourceAddr: string | undefined;
}

export type Verdict =
  | { readonly trap: true }
  | { readonly trap: 'unknown' }
  | { readonly trap: false; readonly result: bigint; readonly features: number };

/** true, false, or not knowable from what the model sees. */
type Maybe = boolean | 'unknown';

const dictionary = dictionaryBytes();

type Read = { readonly oob: true } | { readonly oob: false; readonly text: string | undefined };

/** Reads guest memory as latin1: out of bounds, known text, or unknown (text undefined). */
function read(ptr: number, len: number): Read {
  const p = ptr >>> 0;
  const l = len >>> 0;
  if (p + l > MEMORY_BYTES) return { oob: true };
  if (l === 0) return { oob: false, text: '' };
  if (p < DICT_START || p + l > DICT_END) return { oob: false, text: undefined };
  return { oob: false, text: String.fromCharCode(...dictionary.subarray(p - DICT_START, p - DICT_START + l)) };
}

/** A "get" writes only a non-empty value that fits buf_limit; writing it out of bounds traps. */
function writeTraps(buf: number, limit: number, length: number): boolean {
  return length > 0 && length <= limit >>> 0 && (buf >>> 0) + length > MEMORY_BYTES;
}

const u32 = (n: number) => BigInt(n >>> 0);
const pair = (high: number, low: number) => (BigInt(high >>> 0) << 32n) | BigInt(low >>> 0);

function nulTerminatedLength(values: readonly string[]): number {
  return values.reduce((sum, v) => sum + v.length + 1, 0);
}

function distinctNames(lines: readonly Line[]): string[] {
  return [...new Set(lines.map(([n]) => n.toLowerCase()))];
}

function downstreamLines(site: CallSite): readonly Line[] {
  return site.downstream.fails === 'throw' ? [] : site.downstream.headers;
}

function fieldsOf(site: CallSite, kind: number): readonly Line[] {
  if (kind === 0) return site.requestLines;
  if (kind === 1) return site.phase === 'response' ? downstreamLines(site) : [];
  return []; // trailers: none without host support
}

function verdict(traps: readonly Maybe[], result: () => bigint, features: number): Verdict {
  if (traps.includes(true)) return { trap: true };
  if (traps.includes('unknown')) return { trap: 'unknown' };
  return { trap: false, result: result(), features };
}

const contentCheck = (r: Read, valid: (s: string) => boolean): Maybe => (r.oob ? true : r.text === undefined ? 'unknown' : !valid(r.text));

/** Whether mutating headers of `kind` is refused in this phase (before/after-next rules, no trailers). */
function headerMutationRefused(site: CallSite, kind: number): boolean {
  if (kind === 2 || kind === 3) return true;
  if (site.phase === 'request') return false;
  return kind === 0 || (site.features & FEATURE_BUFFER_RESPONSE) === 0;
}

function afterNextRefused(site: CallSite, feature: number): boolean {
  return site.phase === 'response' && (site.features & feature) === 0;
}

const badKind = (kind: number) => kind < 0 || kind > 3;

export function predict(fn: HostFunction, args: readonly number[], site: CallSite): Verdict {
  const [a, b, c, d, e] = [0, 1, 2, 3, 4].map((i) => args[i] ?? 0);
  const f = site.features;
  const value = (v: string) => verdict([writeTraps(a, b, v.length)], () => u32(v.length), f);
  switch (fn) {
    case 'enable_features': {
      // Features take effect before next only; after it the set stays as it was.
      const enabled = site.phase === 'response' ? f : (f | ((a >>> 0) & SUPPORTED_FEATURES)) >>> 0;
      return { trap: false, result: u32(enabled), features: enabled };
    }
    case 'get_config':
      return value(site.guestConfig);
    case 'log_enabled':
      return { trap: false, result: a >= -1 && a <= 2 ? 1n : 0n, features: f };
    case 'log':
      // The ABI asks hosts to drop a message they cannot read rather than trap.
      return { trap: false, result: 0n, features: f };
    case 'get_method':
      return value(site.request.method);
    case 'set_method': {
      const r = read(a, b);
      return verdict([site.phase === 'response', b === 0, contentCheck(r, isToken)], () => 0n, f);
    }
    case 'get_uri':
      return value(originForm(site.request.uri));
    case 'set_uri': {
      const r = read(a, b);
      return verdict([site.phase === 'response', b === 0 ? false : contentCheck(r, isSettableUri)], () => 0n, f);
    }
    case 'get_protocol_version':
      return site.request.protocol === '' ? { trap: true } : value(site.request.protocol);
    case 'get_header_names': {
      if (badKind(a)) return { trap: true };
      const names = distinctNames(fieldsOf(site, a));
      const length = nulTerminatedLength(names);
      return verdict([writeTraps(b, c, length)], () => pair(names.length, length), f);
    }
    case 'get_header_values': {
      if (badKind(a) || c === 0) return { trap: true };
      const name = read(b, c);
      if (name.oob) return { trap: true };
      if (name.text === undefined) return { trap: 'unknown' };
      const key = name.text.toLowerCase();
      const values = fieldsOf(site, a).filter(([n]) => n.toLowerCase() === key).map(([, v]) => v);
      const length = nulTerminatedLength(values);
      return verdict([writeTraps(d, e, length)], () => pair(values.length, length), f);
    }
    case 'set_header_value':
    case 'add_header_value': {
      if (badKind(a) || c === 0) return { trap: true };
      const name = read(b, c);
      const val = read(d, e);
      return verdict([headerMutationRefused(site, a), contentCheck(name, isToken), contentCheck(val, isFieldValue)], () => 0n, f);
    }
    case 'remove_header': {
      if (badKind(a) || c === 0) return { trap: true };
      return verdict([headerMutationRefused(site, a), read(b, c).oob], () => 0n, f);
    }
    case 'read_body': {
      if (c === 0 || (a !== 0 && a !== 1)) return { trap: true };
      const refused = afterNextRefused(site, a === 0 ? FEATURE_BUFFER_REQUEST : FEATURE_BUFFER_RESPONSE);
      const body = a === 0 ? (site.request.body ?? new Uint8Array(0)) : responseBodyAt(site);
      const n = Math.min(c >>> 0, body.length);
      // The whole buffer must lie in memory, not only the bytes written.
      return verdict([refused, (b >>> 0) + (c >>> 0) > MEMORY_BYTES], () => pair(n >= body.length ? 1 : 0, n), f);
    }
    case 'write_body': {
      if (a !== 0 && a !== 1) return { trap: true };
      const refused = a === 0 ? site.phase === 'response' : afterNextRefused(site, FEATURE_BUFFER_RESPONSE);
      return verdict([refused, read(b, c).oob], () => 0n, f);
    }
    case 'get_status_code':
      return { trap: false, result: u32(site.phase === 'request' ? 200 : downstreamStatus(site)), features: f };
    case 'set_status_code':
      return verdict([afterNextRefused(site, FEATURE_BUFFER_RESPONSE), !(a >= 200 && a <= 599)], () => 0n, f);
    case 'get_source_addr':
      return site.sourceAddr === undefined ? { trap: true } : value(site.sourceAddr);
  }
}

/** The response body a guest reads: nothing before next; the captured one after (empty if downstream threw). */
function responseBodyAt(site: CallSite): Uint8Array {
  if (site.phase === 'request' || site.downstream.fails === 'throw') return new Uint8Array(0);
  return site.downstream.body;
}

export function downstreamStatus(site: CallSite): number {
  return site.downstream.fails === 'throw' ? 500 : site.downstream.status;
}

/** The request-target a guest sees: origin-form, "/" when empty, absolute-form reduced to path and query. */
export function originForm(target: string): string {
  if (target === '') return '/';
  const absolute = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*(.*)$/.exec(target);
  if (!absolute || target[0] === '/') return target;
  const rest = absolute[1];
  return rest === '' || rest[0] === '?' ? `/${rest}` : rest;
}
