/** Case counts, scaled by `DAPR_WASM_FUZZ_SCALE` (e.g. 10 for a long local run, 0.1 for a quick look). */
export function fuzzRuns(base: number): number {
  const scale = Number(process.env.DAPR_WASM_FUZZ_SCALE ?? 1);
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}
