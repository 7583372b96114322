/**
 * What must hold after any request, whatever the guest did: `handle` resolved (never threw into
 * the caller), a failure is a trap the host caused on purpose (a HostTrap) or the guest's own, the
 * trapped instance and only it was discarded, nothing invalid reached downstream or the response,
 * the pool is back at rest, and the next request on the same middleware sees a clean slate.
 */
import { expect } from 'vitest';
import { DaprWasmError, GuestTrapError, type ForwardedRequest, type Outcome, type PoolStats, type WasmMiddleware } from '@dapr-wasm/core';
import { call, decodeReport, encodeScript, report } from '../../../../test/faults/script.js';
import { isFieldValue, isSettableUri, isToken } from './host-model.js';
import { incoming, probeDownstream, type DownstreamSpec, type RequestSpec } from './scripted-middleware.js';

export interface Exchanged {
  readonly outcome: Outcome;
  readonly forwarded: readonly ForwardedRequest[];
  /** Instances discarded by this request. */
  readonly discarded: number;
  readonly stats: PoolStats;
}

export async function exchange(mw: WasmMiddleware, script: string, request: RequestSpec, downstream: DownstreamSpec): Promise<Exchanged> {
  const before = mw.stats().discarded;
  const probe = probeDownstream(downstream);
  // A rejection here is the failure this fuzzer exists to find: let it fail the property as is.
  const outcome = await mw.handle(incoming(script, request), probe.run);
  const stats = mw.stats();
  return { outcome, forwarded: probe.forwarded, discarded: stats.discarded - before, stats };
}

/** The guest trapped (or the host trapped it): the outcome's error says so. */
export function trapped(outcome: Outcome): GuestTrapError | undefined {
  if (outcome.kind !== 'fail' && outcome.kind !== 'abort') return undefined;
  return outcome.error instanceof GuestTrapError ? outcome.error : undefined;
}

function expectValidFields(lines: Iterable<readonly [string, string]>, what: string): void {
  for (const [name, value] of lines) {
    expect(isToken(name), `${what} name ${JSON.stringify(name)}`).toBe(true);
    expect(isFieldValue(value), `${what} ${name} value ${JSON.stringify(value)}`).toBe(true);
  }
}

function expectValidForward(fwd: ForwardedRequest): void {
  if (fwd.method !== undefined) expect(isToken(fwd.method), `forwarded method ${JSON.stringify(fwd.method)}`).toBe(true);
  if (fwd.uri !== undefined) expect(isSettableUri(fwd.uri), `forwarded uri ${JSON.stringify(fwd.uri)}`).toBe(true);
  if (fwd.headers) expectValidFields(fwd.headers.entries(), 'forwarded header');
  if (fwd.responseHeaders) expectValidFields(fwd.responseHeaders.entries(), 'preset response header');
  if (fwd.responseStatus !== undefined) expect(fwd.responseStatus).toBeGreaterThanOrEqual(100);
}

/** Holds after every request, whatever its script. */
export function expectInvariants(x: Exchanged): void {
  expect(x.stats.inUse, 'no instance left in use').toBe(0);
  expect(x.stats.waiting, 'nothing left waiting').toBe(0);
  expect(x.forwarded.length, 'downstream ran at most once').toBeLessThanOrEqual(1);
  x.forwarded.forEach(expectValidForward);

  const trap = trapped(x.outcome);
  expect(x.discarded, 'exactly the trapped instance is discarded').toBe(trap ? 1 : 0);
  if (trap) {
    const cause = trap.cause as Error | undefined;
    // A host function refused (HostTrap), the guest trapped by itself (RuntimeError), or its stack ran out.
    const deliberate = cause?.name === 'HostTrap' || cause instanceof WebAssembly.RuntimeError || cause instanceof RangeError;
    expect(deliberate, `trap cause is a host refusal or the guest's own trap, not ${cause?.name}: ${cause?.message}`).toBe(true);
  }
  switch (x.outcome.kind) {
    case 'respond':
      expect(Number.isInteger(x.outcome.status) && x.outcome.status >= 100 && x.outcome.status <= 999, `status ${x.outcome.status}`).toBe(true);
      expectValidFields(x.outcome.headers.entries(), 'response header');
      expect(x.outcome.body).toBeInstanceOf(Uint8Array);
      break;
    case 'fail':
      expect(x.outcome.status).toBe(500);
      expect(new TextDecoder().decode(x.outcome.body), 'a generic body: nothing of the guest leaks').toBe('Internal Server Error\n');
      if (!trap) expect((x.outcome.error as DaprWasmError).phase, 'a failure that is not a trap is downstream\'s').toBe('downstream');
      break;
    case 'abort':
      expect(trap?.phase, 'only a trap after the response went out aborts it').toBe('handle_response');
      break;
    case 'sent':
      expect(x.forwarded.length).toBe(1);
  }
}

const CONTROL_CALLS = [
  call('enable_features', 0),
  call('get_method', 0, 0),
  call('get_uri', 0, 0),
  call('get_header_names', 0, 0, 0),
  call('get_header_names', 1, 0, 0),
  call('get_status_code'),
  call('get_source_addr', 0, 0),
  call('read_body', 0, 0, 16),
  report(),
];
const CONTROL_SCRIPT = encodeScript(CONTROL_CALLS);
const CONTROL_REQUEST: RequestSpec = {
  method: 'GET', uri: '/control', protocol: 'HTTP/1.1', headers: [['x-control', '1']],
  body: new TextEncoder().encode('ping'), remoteAddress: '127.0.0.1', remotePort: 1234,
};
const UNUSED_DOWNSTREAM: DownstreamSpec = { status: 200, headers: [], body: new Uint8Array(0), fails: 'no' };
const pair = (high: number, low: number) => (BigInt(high) << 32n) | BigInt(low);
const CONTROL_RESULTS = [
  0n, // no feature left over from an earlier request
  3n, // GET
  8n, // /control
  pair(2, 'x-script'.length + 1 + 'x-control'.length + 1), // only this request's header names
  0n, // no response header left over
  200n,
  BigInt('127.0.0.1:1234'.length),
  pair(1, 4), // this request's body, whole
];

/** A known request after the case: it must see exactly its own state, nothing an earlier one left. */
export async function expectCleanNextRequest(mw: WasmMiddleware): Promise<void> {
  const x = await exchange(mw, CONTROL_SCRIPT, CONTROL_REQUEST, UNUSED_DOWNSTREAM);
  expect(x.forwarded.length, 'the control request answers itself').toBe(0);
  expect(x.outcome.kind, 'the control request is served').toBe('respond');
  if (x.outcome.kind !== 'respond') return;
  expect(x.outcome.status).toBe(200);
  expect(x.outcome.headers.entries(), 'no response header leaks into the next request').toEqual([]);
  const got = decodeReport(x.outcome.body);
  expect(got.results).toEqual(CONTROL_RESULTS);
  expect(x.stats.inUse).toBe(0);
}
