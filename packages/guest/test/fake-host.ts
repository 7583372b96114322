// A deliberately small http-wasm host for testing the SDK's use of the ABI without the real host.
// It keeps one request/response pair in plain fields, records every host call, and traps (throws)
// on the misuses the ABI forbids, so a guest that gets the ABI wrong fails here.
import { readFile } from 'node:fs/promises';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export const FEATURE_BUFFER_REQUEST = 1;
export const FEATURE_BUFFER_RESPONSE = 2;
export const FEATURE_TRAILERS = 4;

type Field = [name: string, value: string];
type Phase = 'start' | 'request' | 'response';
export interface HostCall {
  phase: Phase;
  name: string;
  args: number[];
}
export interface LogEntry {
  level: number;
  message: string;
}
export interface Exchange {
  method: string;
  uri: string;
  protocol: string;
  sourceAddr: string;
  requestHeaders: Field[];
  requestBody: Uint8Array;
  status: number;
  responseHeaders: Field[];
  responseBody: Uint8Array;
}
export interface RequestInit {
  method?: string;
  uri?: string;
  headers?: Field[];
  body?: Uint8Array | string;
}
export interface Outcome {
  next: boolean;
  ctx: number;
  exchange: Exchange;
}
/** What the app behind the guest does when the guest returns next. */
export type Downstream = (exchange: Exchange) => void;


export class FakeHost {
  config: Uint8Array = new Uint8Array(0);
  /** Features this host can enable: everything but trailers, like most real hosts. */
  supported = FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE;
  logLevel = 0;
  calls: HostCall[] = [];
  logs: LogEntry[] = [];

  private memory: WebAssembly.Memory | undefined;
  private initFeatures = 0;
  private features = 0;
  private phase: Phase = 'start';
  private exchange: Exchange = FakeHost.blank({});
  private requestBodyPos = 0;
  private responseBodyPos = 0;
  private wroteInPhase = new Set<number>();

  static blank(init: RequestInit): Exchange {
    const body = init.body ?? new Uint8Array(0);
    return {
      method: init.method ?? 'GET',
      uri: init.uri ?? '/',
      protocol: 'HTTP/1.1',
      sourceAddr: '127.0.0.1:54321',
      requestHeaders: init.headers ?? [],
      requestBody: typeof body === 'string' ? encoder.encode(body) : body,
      status: 200,
      responseHeaders: [],
      responseBody: new Uint8Array(0),
    };
  }

  /** Instantiates `module` against this host; any host call the start function makes fails. */
  instantiate(module: WebAssembly.Module): WebAssembly.Instance {
    const instance = new WebAssembly.Instance(module, { http_handler: this.functions() });
    this.memory = instance.exports.memory as WebAssembly.Memory;
    this.phase = 'request';
    this.initFeatures = this.features;
    return instance;
  }

  /** Runs one request through the guest, as a host would: handle_request, app, handle_response. */
  handle(instance: WebAssembly.Instance, init: RequestInit = {}, downstream?: Downstream, isError = false): Outcome {
    const { handle_request, handle_response } = instance.exports as {
      handle_request: () => bigint;
      handle_response: (ctx: number, isError: number) => void;
    };
    this.exchange = FakeHost.blank(init);
    this.requestBodyPos = 0;
    this.responseBodyPos = 0;
    this.features = this.initFeatures;
    this.calls = [];
    this.enterPhase('request');
    const ctxNext = BigInt.asUintN(64, handle_request());
    const next = (ctxNext & 0xffffffffn) !== 0n;
    const ctx = Number(ctxNext >> 32n);
    if (next) {
      downstream?.(this.exchange);
      this.enterPhase('response');
      handle_response(ctx | 0, isError ? 1 : 0);
    }
    return { next, ctx, exchange: this.exchange };
  }

  /** Calls to one host function during the last request, optionally in one phase. */
  callsTo(name: string, phase?: Phase): HostCall[] {
    return this.calls.filter((c) => c.name === name && (!phase || c.phase === phase));
  }

  private enterPhase(phase: Phase): void {
    this.phase = phase;
    this.wroteInPhase.clear();
  }

  private bytes(): Uint8Array {
    if (!this.memory) throw new Error('host function called before the guest memory was available');
    return new Uint8Array(this.memory.buffer);
  }

  private read(ptr: number, len: number): Uint8Array {
    const mem = this.bytes();
    if (ptr < 0 || len < 0 || ptr + len > mem.length) throw new Error(`out of bounds read ${ptr}+${len}`);
    return mem.slice(ptr, ptr + len);
  }

  private text(ptr: number, len: number): string {
    return decoder.decode(this.read(ptr, len));
  }

  /** The ABI "get" contract: write only if it fits, always return the full length. */
  private put(value: Uint8Array, buf: number, limit: number): number {
    if (value.length <= limit) {
      const mem = this.bytes();
      if (buf + value.length > mem.length) throw new Error(`out of bounds write ${buf}+${value.length}`);
      mem.set(value, buf);
    }
    return value.length;
  }

  private putList(items: string[], buf: number, limit: number): bigint {
    const encoded = encoder.encode(items.map((s) => s + '\0').join(''));
    const len = this.put(encoded, buf, limit);
    return (BigInt(items.length) << 32n) | BigInt(len);
  }

  private headers(kind: number): Field[] {
    if (kind === 0) return this.exchange.requestHeaders;
    if (kind === 1) return this.exchange.responseHeaders;
    if (kind === 2 || kind === 3) return [];
    throw new Error(`bad header kind ${kind}`);
  }

  private mutableHeaders(kind: number): Field[] {
    if (kind === 2 || kind === 3) throw new Error('trailers are not supported');
    if (kind === 0) this.requireRequestPhase('request headers');
    return this.headers(kind);
  }

  private requireRequestPhase(what: string): void {
    if (this.phase !== 'request') throw new Error(`${what} cannot change after next`);
  }

  private functions(): Record<string, (...args: number[]) => number | bigint | void> {
    const record = <F extends (...args: number[]) => number | bigint | void>(name: string, fn: F): F =>
      ((...args: number[]) => {
        this.calls.push({ phase: this.phase, name, args: args.map((a) => a >>> 0) });
        return fn(...args.map((a) => a >>> 0));
      }) as F;
    return {
      enable_features: record('enable_features', (features) => {
        this.features |= features & this.supported;
        return this.features;
      }),
      get_config: record('get_config', (buf, limit) => this.put(this.config, buf, limit)),
      log_enabled: record('log_enabled', (level) => ((level | 0) >= this.logLevel ? 1 : 0)),
      log: record('log', (level, ptr, len) => {
        this.logs.push({ level: level | 0, message: this.text(ptr, len) });
      }),
      get_method: record('get_method', (buf, limit) => this.put(encoder.encode(this.exchange.method), buf, limit)),
      set_method: record('set_method', (ptr, len) => {
        this.requireRequestPhase('method');
        this.exchange.method = this.text(ptr, len);
      }),
      get_uri: record('get_uri', (buf, limit) => this.put(encoder.encode(this.exchange.uri || '/'), buf, limit)),
      set_uri: record('set_uri', (ptr, len) => {
        this.requireRequestPhase('uri');
        this.exchange.uri = this.text(ptr, len);
      }),
      get_protocol_version: record('get_protocol_version', (buf, limit) =>
        this.put(encoder.encode(this.exchange.protocol), buf, limit),
      ),
      get_header_names: record('get_header_names', (kind, buf, limit) => {
        const names = [...new Set(this.headers(kind).map(([n]) => n.toLowerCase()))];
        return this.putList(names, buf, limit);
      }),
      get_header_values: record('get_header_values', (kind, name, nameLen, buf, limit) => {
        const wanted = this.text(name, nameLen).toLowerCase();
        const values = this.headers(kind).filter(([n]) => n.toLowerCase() === wanted).map(([, v]) => v);
        return this.putList(values, buf, limit);
      }),
      set_header_value: record('set_header_value', (kind, name, nameLen, value, valueLen) => {
        const fields = this.mutableHeaders(kind);
        const n = this.text(name, nameLen);
        const kept = fields.filter(([f]) => f.toLowerCase() !== n.toLowerCase());
        fields.splice(0, fields.length, ...kept, [n, this.text(value, valueLen)]);
      }),
      add_header_value: record('add_header_value', (kind, name, nameLen, value, valueLen) => {
        this.mutableHeaders(kind).push([this.text(name, nameLen), this.text(value, valueLen)]);
      }),
      remove_header: record('remove_header', (kind, name, nameLen) => {
        const fields = this.mutableHeaders(kind);
        const n = this.text(name, nameLen).toLowerCase();
        const kept = fields.filter(([f]) => f.toLowerCase() !== n);
        fields.splice(0, fields.length, ...kept);
      }),
      read_body: record('read_body', (kind, buf, limit) => {
        if (limit === 0) throw new Error('read_body with buf_limit 0');
        let body: Uint8Array;
        let pos: number;
        if (kind === 0) {
          if (this.phase === 'response' && !(this.features & FEATURE_BUFFER_REQUEST)) {
            throw new Error('reading the request body after next requires buffer_request');
          }
          body = this.exchange.requestBody;
          pos = this.requestBodyPos;
        } else if (kind === 1) {
          if (!(this.features & FEATURE_BUFFER_RESPONSE)) throw new Error('reading the response body requires buffer_response');
          body = this.exchange.responseBody;
          pos = this.responseBodyPos;
        } else throw new Error(`bad body kind ${kind}`);
        const chunk = body.subarray(pos, pos + limit);
        this.bytes().set(chunk, buf);
        pos += chunk.length;
        if (kind === 0) this.requestBodyPos = pos;
        else this.responseBodyPos = pos;
        const eof = pos >= body.length ? 1n : 0n;
        return (eof << 32n) | BigInt(chunk.length);
      }),
      write_body: record('write_body', (kind, ptr, len) => {
        const bytes = this.read(ptr, len);
        if (kind === 0) this.requireRequestPhase('request body');
        else if (kind === 1 && this.phase === 'response' && !(this.features & FEATURE_BUFFER_RESPONSE)) {
          throw new Error('writing the response after next requires buffer_response');
        }
        const current = kind === 0 ? this.exchange.requestBody : this.exchange.responseBody;
        // The first write in a phase replaces the body; later ones append.
        const next = this.wroteInPhase.has(kind) ? concat(current, bytes) : bytes;
        this.wroteInPhase.add(kind);
        if (kind === 0) this.exchange.requestBody = next;
        else this.exchange.responseBody = next;
      }),
      get_status_code: record('get_status_code', () => this.exchange.status),
      set_status_code: record('set_status_code', (code) => {
        this.exchange.status = code;
      }),
      get_source_addr: record('get_source_addr', (buf, limit) =>
        this.put(encoder.encode(this.exchange.sourceAddr), buf, limit),
      ),
    };
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

/** Compiles a built guest next to its source (`x.guest.ts` -> `x.wasm`). */
export async function compileGuest(url: URL): Promise<WebAssembly.Module> {
  return WebAssembly.compile(await readFile(url));
}

export function header(exchange: Exchange, name: string): string | undefined {
  return exchange.responseHeaders.find(([n]) => n.toLowerCase() === name)?.[1];
}

export function headerValues(fields: Field[], name: string): string[] {
  return fields.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);
}

export function bodyText(bytes: Uint8Array): string {
  return decoder.decode(bytes);
}
