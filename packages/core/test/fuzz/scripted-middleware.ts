/**
 * The scripted hostile guest (guests/hostile/scripted.wat) behind the core's own entry point, fed
 * synthetic requests and a synthetic downstream: the fuzzer calls `createMiddleware(...).handle`
 * directly, without HTTP, so a case costs microseconds. Every request and every downstream answer
 * is built fresh, because the core takes ownership of the header arrays it is handed.
 */
import {
  createMiddleware, type Downstream, type DownstreamResponse, type ForwardedRequest, type IncomingRequest,
  type Logger, type WasmMiddleware,
} from '@dapr-wasm/core';
import { SCRIPT_HEADER, SCRIPTED_GUEST } from '../../../../test/faults/script.js';
import { builtGuest } from '../wat.js';

export type Line = readonly [name: string, value: string];

export interface RequestSpec {
  readonly method: string;
  readonly uri: string;
  readonly protocol: string;
  /** Header lines besides the script. */
  readonly headers: readonly Line[];
  /** Absent or empty: the request has no body. */
  readonly body: Uint8Array | undefined;
  readonly remoteAddress: string | undefined;
  readonly remotePort: number | undefined;
}

export interface DownstreamSpec {
  readonly status: number;
  readonly headers: readonly Line[];
  /** Handed back only when the guest asked for buffer_response, as an adapter captures it. */
  readonly body: Uint8Array;
  /** 'error': downstream reports a failed exchange; 'throw': it rejects outright. */
  readonly fails: 'no' | 'error' | 'throw';
}

export const GUEST_CONFIG = 'fuzz-config';

/** Counts guest log lines without printing them; every level is enabled so `log` does its work. */
export const countingLogger: Logger & { lines: number } = {
  lines: 0,
  enabled: () => true,
  log() {
    countingLogger.lines++;
  },
};

export async function scriptedMiddleware(): Promise<WasmMiddleware> {
  const mw = createMiddleware({ bytes: builtGuest(SCRIPTED_GUEST), guestConfig: GUEST_CONFIG, logger: countingLogger, name: 'scripted' });
  await mw.ready;
  return mw;
}

/** The header lines a request carries: the script first, then the spec's own. */
export function requestLines(script: string, spec: RequestSpec): Line[] {
  return [[SCRIPT_HEADER, script], ...spec.headers];
}

export function incoming(script: string, spec: RequestSpec): IncomingRequest {
  const body = spec.body?.length ? spec.body : undefined;
  return {
    method: spec.method,
    uri: spec.uri,
    protocol: spec.protocol,
    remoteAddress: spec.remoteAddress,
    remotePort: spec.remotePort,
    headers: () => requestLines(script, spec).map(([n, v]) => [n, v]),
    hasBody: body !== undefined,
    readBody: async () => body!.slice(),
  };
}

/** A downstream that answers as its spec says and remembers what it was forwarded. */
export function probeDownstream(spec: DownstreamSpec): { run: Downstream; forwarded: ForwardedRequest[] } {
  const forwarded: ForwardedRequest[] = [];
  const run: Downstream = async (fwd) => {
    forwarded.push(fwd);
    if (spec.fails === 'throw') throw new Error('downstream threw');
    const answer: DownstreamResponse = {
      status: spec.status,
      headers: () => spec.headers.map(([n, v]) => [n, v]),
      body: fwd.bufferResponse ? spec.body.slice() : undefined,
      ...(spec.fails === 'error' ? { error: new Error('downstream failed') } : {}),
    };
    return answer;
  };
  return { run, forwarded };
}
