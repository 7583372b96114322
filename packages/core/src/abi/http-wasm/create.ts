/** Builds the http-wasm handler for a compiled guest: its shared environment, pool and first instance. */
import type { HostCapabilities } from '../../exchange/port.js';
import { GuestPool } from '../../pool/guest-pool.js';
import type { ResolvedOptions } from '../../options.js';
import type { CompiledGuest } from '../../wasm/compile.js';
import type { AbiHandler } from '../abi.js';
import { FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS } from './constants.js';
import { instantiateGuest, type GuestEnvironment, type GuestInstance } from './guest-instance.js';
import { HttpWasmHandler } from './http-wasm-handler.js';

export async function createHttpWasmHandler(
  compiled: CompiledGuest,
  o: ResolvedOptions,
  capabilities: HostCapabilities,
): Promise<AbiHandler> {
  const env: GuestEnvironment = {
    guestConfig: o.guestConfig,
    logger: o.logger,
    supportedFeatures: FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE | (capabilities.trailers ? FEATURE_TRAILERS : 0),
    strictSandbox: o.strictSandbox,
    deadlineMs: compiled.fuel ? o.deadlineMs : 0,
    initDeadlineMs: o.initDeadlineMs,
    initFeatures: 0,
    init: { requested: 0, enableFeaturesCalls: 0, getConfigCalls: 0 },
  };
  const pool = new GuestPool<GuestInstance>({
    create: () => instantiateGuest(compiled, env),
    max: o.poolSize,
    maxWaiting: o.maxWaiting,
    acquireTimeoutMs: o.acquireTimeoutMs,
  });
  // Instantiate eagerly: a guest that cannot start fails now, at creation, not on a user request.
  await pool.warm(Math.max(1, o.warmInstances));
  const handler = new HttpWasmHandler(pool, compiled, env, {
    maxBodyBytes: o.maxBodyBytes,
    exposeErrors: o.exposeErrors,
    capabilities,
    failurePolicy: o.failurePolicy,
  });
  return {
    handle: (request, downstream) => handler.handle(request, downstream),
    describe: () => ({
      abi: 'http-wasm',
      name: compiled.name,
      entry: compiled.entry,
      deferredStart: compiled.deferredStart,
      metered: compiled.fuel,
      memoryCapped: compiled.memoryCapped,
      initFeatures: env.initFeatures,
      initFeaturesRequested: env.init.requested,
      supportedFeatures: env.supportedFeatures,
      enableFeaturesCallsAtInit: env.init.enableFeaturesCalls,
      getConfigCallsAtInit: env.init.getConfigCalls,
    }),
    stats: () => pool.stats(),
    close: () => pool.close(),
  };
}
