/**
 * The run's charts, drawn from the same numbers as the tables: results.svg (per request, end-to-end
 * ratios, cold start) and results-scaling.svg (body size, concurrency, cores, server memory). A
 * section that did not run draws as "not run".
 */
import { IN_PROCESS_TARGET_NS, wasmVsJsMinRatio, BODY_READ_1MB_MIN_GBPS, LARGE_GUEST_COLD_START_MAX_MS } from '../targets.js';
import { BASE_COLOR, TARGET_COLOR, barPanel, type Bar, type Reference } from './bar-panel.js';
import { bytes, duration, gbPerSec, rate, ratio } from './format.js';
import { commitText } from './git-commit.js';
import { throughputRatio } from './rows.js';
import type { BenchRun } from './run.js';
import { svgDocument } from './svg.js';

const WIDTH = 960;
const WASM_COLOR = '#f28e2b';

function inProcessPanel(run: BenchRun) {
  const bars: Bar[] = run.inProcess.map((r) => ({
    label: r.case.label,
    value: r.p50Ns,
    valueText: duration(r.p50Ns),
    color: r.case.key === 'baseline' ? BASE_COLOR : undefined,
  }));
  const references: Reference[] = Object.entries(IN_PROCESS_TARGET_NS).map(([key, ns]) => ({ value: ns, label: `${key} target ${duration(ns)}`, color: TARGET_COLOR }));
  return barPanel({ title: 'In-process: p50 of one handle() call (grey: no guest)', bars, references, scale: 'log', width: WIDTH });
}

function e2ePanel(run: BenchRun) {
  const bars: Bar[] = run.e2e.map((f) => {
    const perRound = f.variants.wasm.rounds.map((r, i) => r.reqPerSec / f.variants.js.rounds[i].reqPerSec);
    const r = throughputRatio(f.variants.wasm, f.variants.js, 3);
    return { label: f.framework.name, value: r.value, valueText: ratio(r.value, 3), low: Math.min(...perRound), high: Math.max(...perRound) };
  });
  return barPanel({
    title: 'End to end: req/s with the wasm guest over req/s with the JS twin (median, range over rounds)',
    bars,
    // One line per distinct target (Express 0.98, Koa 0.97, Hono 0.95).
    references: [
      ...[...new Set(run.e2e.map((f) => wasmVsJsMinRatio(f.framework.key)))].map((t) => ({ value: t, label: `target ${t}`, color: TARGET_COLOR })),
      { value: 1, label: 'parity 1.0', color: BASE_COLOR },
    ],
    width: WIDTH,
  });
}

function coldStartPanel(run: BenchRun) {
  const bars: Bar[] = (run.coldStart ?? []).flatMap((c) => [
    {
      label: `${c.guest.label} (${bytes(c.guest.size)}), fresh process`,
      value: c.readyMs.median, valueText: duration(c.readyMs.median * 1e6), low: c.readyMs.min, high: c.readyMs.max,
    },
    { label: `· of which instrument`, value: c.instrumentMs.median, valueText: duration(c.instrumentMs.median * 1e6), color: BASE_COLOR },
    { label: `· of which WebAssembly.compile`, value: c.compileMs.median, valueText: duration(c.compileMs.median * 1e6), color: BASE_COLOR },
    { label: `${c.guest.label}, process already warm`, value: c.warmLoadMs, valueText: duration(c.warmLoadMs * 1e6), color: WASM_COLOR },
  ]);
  return barPanel({
    title: 'Cold start: createMiddleware until ready (compile + first instance)',
    bars,
    references: [{ value: LARGE_GUEST_COLD_START_MAX_MS, label: `100 KB target ${LARGE_GUEST_COLD_START_MAX_MS} ms`, color: TARGET_COLOR }],
    width: WIDTH,
  });
}

function bodySizePanel(run: BenchRun) {
  const bars: Bar[] = (run.scaling?.bodySizes ?? [])
    .filter((b) => b.gbPerSec !== undefined)
    .map((b) => ({ label: `${bytes(b.bytes)} body (${duration(b.p50Ns)})`, value: b.gbPerSec!, valueText: gbPerSec(b.gbPerSec) }));
  return barPanel({
    title: 'Request body read through the guest: bytes / p50 of handle()',
    bars,
    references: [{ value: BODY_READ_1MB_MIN_GBPS, label: `1 MB target ${BODY_READ_1MB_MIN_GBPS} GB/s`, color: TARGET_COLOR }],
    scale: 'log',
    width: WIDTH,
  });
}

const connections = (n: number) => `${n} connection${n === 1 ? '' : 's'}`;

function concurrencyPanel(run: BenchRun) {
  const bars: Bar[] = (run.scaling?.concurrency ?? []).flatMap((c) => [
    { label: `${connections(c.connections)}, bare`, value: c.bare.reqPerSec, valueText: `${rate(c.bare.reqPerSec)} req/s`, color: BASE_COLOR },
    { label: `${connections(c.connections)}, + wasm guest`, value: c.wasm.reqPerSec, valueText: `${rate(c.wasm.reqPerSec)} req/s`, color: WASM_COLOR },
  ]);
  return barPanel({ title: 'Concurrency: Express 5 over loopback, req/s', bars, width: WIDTH });
}

function coresPanel(run: BenchRun) {
  const cores = run.scaling?.cores;
  const bars: Bar[] = cores && !('notRun' in cores)
    ? cores.rows.map((r) => ({ label: `${r.workers} worker${r.workers === 1 ? '' : 's'}`, value: r.reqPerSec, valueText: `${rate(r.reqPerSec)} req/s` }))
    : [];
  return barPanel({ title: 'Across cores: node:cluster with the guest in every worker, req/s', bars, width: WIDTH, empty: cores && 'notRun' in cores ? `not run: ${cores.notRun}` : 'not run' });
}

function serverMemoryPanel(run: BenchRun) {
  const bars: Bar[] = (run.memory?.servers ?? []).map((s) => ({
    label: s.kind === 'bare' ? 'bare app' : '+ wasm rewrite guest',
    value: s.loadedRss / 1024 / 1024,
    valueText: `${bytes(s.loadedRss)} (peak ${bytes(s.peakRss)})`,
    color: s.kind === 'bare' ? BASE_COLOR : WASM_COLOR,
  }));
  return barPanel({ title: 'Server RSS under 100 connections (median of samples), MB', bars, width: WIDTH });
}

function subtitle(run: BenchRun): string {
  return `dapr-wasm bench, ${run.date.toISOString().slice(0, 10)}, commit ${commitText(run.commit, false)}${run.quick ? ' (--quick: rough figures)' : ''}`;
}

export function resultsChart(run: BenchRun): string {
  return svgDocument(WIDTH, subtitle(run), [inProcessPanel(run), e2ePanel(run), coldStartPanel(run)]);
}

export function scalingChart(run: BenchRun): string {
  return svgDocument(WIDTH, subtitle(run), [bodySizePanel(run), concurrencyPanel(run), coresPanel(run), serverMemoryPanel(run)]);
}
