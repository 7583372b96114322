/**
 * The performance targets, printed beside the figures. They live here and in the table, never in
 * timed unit tests: on a shared two-core machine a miss is a finding to look at, not a red build.
 */
/** Median handle() time per request for a guest row, in ns (rows without one have no target). */
export const IN_PROCESS_TARGET_NS: Readonly<Record<string, number>> = {
  noop: 500,
  rewrite: 1000,
};

/**
 * Requests/s of the app + wasm rewrite guest over the app + the same rewrite written in JS, per
 * framework (the end-to-end frameworks' keys). The lighter the framework, the larger the same
 * microseconds weigh, and Hono's JS twin must rebuild the request too.
 */
const WASM_VS_JS_MIN_RATIOS: Readonly<Record<string, number>> = { express: 0.98, koa: 0.97, hono: 0.95 };

export const wasmVsJsMinRatio = (framework: string): number => WASM_VS_JS_MIN_RATIOS[framework] ?? 0.97;

export type Verdict = 'met' | 'unmet';

export const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'unmet');

/** Cold start of the ~100 KB guest: createMiddleware until ready (compile + first instance), fresh process, in ms. */
export const LARGE_GUEST_COLD_START_MAX_MS = 10;

/** Reading a 1 MiB request body through the guest, in 10^9 bytes per second of handle() p50. */
export const BODY_READ_1MB_MIN_GBPS = 1;
