/** Every target of the run on one line each, with the figure that decides it: the RESULTS.md checklist. */
import { IN_PROCESS_TARGET_NS, wasmVsJsMinRatio, BODY_READ_1MB_MIN_GBPS, LARGE_GUEST_COLD_START_MAX_MS, verdict } from '../targets.js';
import { duration, gbPerSec } from './format.js';
import { throughputRatio } from './rows.js';
import type { BenchRun } from './run.js';
import { markdownTable, type Cell } from './table.js';

export interface TargetLine {
  readonly target: string;
  readonly measured: string;
  readonly status: 'met' | 'unmet' | 'not run';
}

export function targetLines(run: BenchRun): TargetLine[] {
  const lines: TargetLine[] = [];
  const notRun = (target: string) => lines.push({ target, measured: '', status: 'not run' });

  for (const [key, ns] of Object.entries(IN_PROCESS_TARGET_NS)) {
    const target = `in-process ${key} guest: p50 of handle() ≤ ${duration(ns)}`;
    const r = run.inProcess.find((x) => x.case.key === key);
    if (r) lines.push({ target, measured: duration(r.p50Ns), status: verdict(r.p50Ns <= ns) });
    else notRun(target);
  }
  for (const f of run.e2e) {
    const min = wasmVsJsMinRatio(f.framework.key);
    const target = `${f.framework.name} + wasm guest: req/s ≥ ${min} × JS middleware`;
    const r = throughputRatio(f.variants.wasm, f.variants.js, 3);
    lines.push({ target, measured: `wasm/JS ${r.text}`, status: verdict(r.value >= min) });
  }
  for (const s of run.skipped) notRun(`${s.framework.name} + wasm guest: req/s ≥ ${wasmVsJsMinRatio(s.framework.key)} × JS middleware`);
  if (!run.sections.includes('e2e')) notRun('framework + wasm guest: req/s ≥ the target × JS middleware');

  const coldTarget = `compile + first instance of a 100 KB guest ≤ ${LARGE_GUEST_COLD_START_MAX_MS} ms (fresh process)`;
  const large = run.coldStart?.find((c) => c.guest.key === 'large');
  if (large) {
    lines.push({
      target: coldTarget,
      measured: `${duration(large.readyMs.median * 1e6)} for ${large.guest.size.toLocaleString('en-US')} B`,
      status: verdict(large.readyMs.median <= LARGE_GUEST_COLD_START_MAX_MS),
    });
  } else notRun(coldTarget);

  const bodyTarget = `1 MB request body read ≥ ${BODY_READ_1MB_MIN_GBPS} GB/s`;
  const mb = run.scaling?.bodySizes.find((b) => b.bytes === 1024 * 1024);
  if (mb?.gbPerSec !== undefined) lines.push({ target: bodyTarget, measured: gbPerSec(mb.gbPerSec), status: verdict(mb.gbPerSec >= BODY_READ_1MB_MIN_GBPS) });
  else notRun(bodyTarget);
  return lines;
}

export function targetsTable(run: BenchRun): string {
  const rows: Cell[][] = targetLines(run).map((l) => [l.target, l.measured, l.status]);
  return markdownTable(['target', 'measured', 'status'], rows);
}
