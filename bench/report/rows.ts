/**
 * The single results table: in-process rows first, then each framework's bare / JS / wasm rows.
 * Guest rows show what they add over the guest-less baseline; the wasm rows show the ratios the
 * targets are about, with the spread of the per-round ratio in brackets.
 */
import type { FrameworkResult, VariantResult } from '../e2e/load.js';
import type { Framework } from '../e2e/framework.js';
import type { InProcessResult } from '../in-process/suite.js';
import { median } from '../stats.js';
import { IN_PROCESS_TARGET_NS, verdict, wasmVsJsMinRatio } from '../targets.js';
import { bytes, duration, millis, ratio, rate } from './format.js';
import { markdownTable, type Cell } from './table.js';

export const header: Cell[] = ['section', 'row', 'p50', 'p99', 'req/s', 'alloc/req', 'compared', 'target', 'status'];

export interface SkippedFramework {
  readonly framework: Framework;
  readonly reason: string;
}

function inProcessRows(results: readonly InProcessResult[]): Cell[][] {
  const base = results.find((r) => r.case.key === 'baseline');
  return results.map((r) => {
    const target = IN_PROCESS_TARGET_NS[r.case.key];
    const over = base && r !== base ? `${r.p50Ns >= base.p50Ns ? '+' : ''}${duration(r.p50Ns - base.p50Ns)} over no guest (${ratio(r.p50Ns / base.p50Ns)}×)` : '';
    return [
      'in-process', r.case.label, duration(r.p50Ns), duration(r.p99Ns), '', bytes(r.bytesPerCall), over,
      target === undefined ? '' : `p50 ≤ ${duration(target)}`,
      target === undefined ? '' : verdict(r.p50Ns <= target),
    ];
  });
}

/**
 * "0.97 (0.95–0.99)": the median of the per-round ratios, then the lowest and highest. Each round
 * loads both variants back to back, so a round's ratio shares that round's machine conditions; the
 * median drops a round that a burst of outside work spoiled.
 */
export function throughputRatio(a: VariantResult, b: VariantResult, digits = 2): { value: number; text: string } {
  const perRound = a.rounds.map((r, i) => r.reqPerSec / b.rounds[i].reqPerSec);
  const value = median(perRound);
  const spread = perRound.length > 1 ? ` (${ratio(Math.min(...perRound))}–${ratio(Math.max(...perRound))})` : '';
  return { value, text: `${ratio(value, digits)}${spread}` };
}

function frameworkRows(r: FrameworkResult): Cell[][] {
  const { bare, js, wasm } = r.variants;
  const name = r.framework.name;
  const jsVsBare = throughputRatio(js, bare);
  // Three digits where a target decides, so a 0.968 is not printed as a passing 0.97.
  const wasmVsJs = throughputRatio(wasm, js, 3);
  const wasmVsBare = throughputRatio(wasm, bare);
  const figures = (v: VariantResult): Cell[] => [millis(v.p50Ms), millis(v.p99Ms), rate(v.reqPerSec), ''];
  return [
    [name, 'bare app', ...figures(bare), '', '', ''],
    [name, '+ JS rewrite middleware', ...figures(js), `JS/bare ${jsVsBare.text}`, '', ''],
    [
      name, '+ wasm rewrite guest', ...figures(wasm), `wasm/JS ${wasmVsJs.text}; wasm/bare ${wasmVsBare.text}`,
      `req/s ≥ ${wasmVsJsMinRatio(r.framework.key)} × JS`, verdict(wasmVsJs.value >= wasmVsJsMinRatio(r.framework.key)),
    ],
  ];
}

export function resultsTable(
  inProcess: readonly InProcessResult[],
  e2e: readonly FrameworkResult[],
  skipped: readonly SkippedFramework[],
): string {
  const rows: Cell[][] = [...inProcessRows(inProcess)];
  for (const r of e2e) rows.push(...frameworkRows(r));
  for (const s of skipped) rows.push([s.framework.name, `not run: ${s.reason}`, '', '', '', '', '', `req/s ≥ ${wasmVsJsMinRatio(s.framework.key)} × JS`, 'n/a']);
  return markdownTable(header, rows);
}
