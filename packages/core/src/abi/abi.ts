/**
 * The seam between adapters and guest ABIs. Adapters only ever call `handle(request, downstream)`
 * and send the Outcome; which ABI runs behind it is decided here from the module's shape. http-wasm
 * is the ABI Dapr uses; proxy-wasm HTTP filters (Envoy's ABI) can plug in beside it later.
 */
import { GuestCompileError } from '../errors.js';
import type { Downstream, IncomingRequest, Outcome } from '../exchange/port.js';
import type { PoolStats } from '../pool/guest-pool.js';

/** What the host knows about a running guest: for tools (`dapr-wasm inspect`), health pages, logs. */
export interface GuestDescription {
  readonly abi: AbiName;
  readonly name: string;
  /** WASI entry point run once per instance, if any. */
  readonly entry: '_start' | '_initialize' | undefined;
  /** A start section was moved after instantiation so it can reach memory. */
  readonly deferredStart: boolean;
  /** Loops and calls are metered against `deadlineMs`. */
  readonly metered: boolean;
  /** Every memory the guest defines is capped at `maxMemoryBytes`. */
  readonly memoryCapped: boolean;
  /** Features every request starts with (enabled during init). */
  readonly initFeatures: number;
  /** Features asked for during init, including any the host does not offer. */
  readonly initFeaturesRequested: number;
  /** Features this host can enable at all. */
  readonly supportedFeatures: number;
  readonly enableFeaturesCallsAtInit: number;
  readonly getConfigCallsAtInit: number;
}

export interface AbiHandler {
  handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome>;
  describe(): GuestDescription;
  stats(): PoolStats;
  close(): Promise<void>;
}

export type AbiName = 'http-wasm' | 'proxy-wasm';

/** Recognises the ABI from imports and exports alone, so a precompiled Module works too. */
export function detectAbi(module: WebAssembly.Module, name: string): AbiName {
  const exports = WebAssembly.Module.exports(module).map((e) => e.name);
  const imports = WebAssembly.Module.imports(module).map((i) => i.module);
  if (exports.includes('handle_request') || imports.includes('http_handler')) return 'http-wasm';
  if (exports.some((e) => e.startsWith('proxy_on_')) || imports.some((m) => m === 'env' && exports.includes('proxy_abi_version_0_2_1'))) {
    throw new GuestCompileError(`guest ${name} is a proxy-wasm filter; only http-wasm guests (Dapr's middleware.http.wasm ABI) are supported`, {
      phase: 'compile', culprit: 'proxy-wasm',
    });
  }
  return 'http-wasm';
}
