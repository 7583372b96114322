/** `inspect` for people: facts first, then the tables, then the verdict on its own line. */
import { plural } from '../format.js';
import { formatLog } from '../log-lines.js';
import { columns } from '../layout.js';
import type { Paint } from '../style.js';
import type { GuestDescription, MemoryView } from './describe.js';
import { HTTP_HANDLER_FUNCTIONS, HTTP_HANDLER_GROUPS } from './http-handler-abi.js';
import type { FeaturesAtInit, InspectReport } from './report.js';

const KIB_PER_PAGE = 64;

function pages(n: number): string {
  const kib = n * KIB_PER_PAGE;
  return `${plural(n, 'page')} (${kib >= 1024 ? `${kib / 1024} MiB` : `${kib} KiB`})`;
}

function memoryLine(m: MemoryView): string {
  const max = m.maxPages === null ? 'no maximum' : `at most ${pages(m.maxPages)}`;
  return `${pages(m.initialPages)} initial, ${max}${m.imported ? ', imported' : ''}`;
}

function abiLine(d: GuestDescription, p: Paint): string {
  if (d.abi === 'http-wasm') return 'http-wasm';
  if (d.abi === 'proxy-wasm') return p.red('proxy-wasm (refused: only http-wasm guests run here)');
  return p.yellow('none recognised (no handle_request export, no http_handler import)');
}

function wasiLine(d: GuestDescription): string {
  const { mode, functions } = d.wasi;
  const entry = mode === 'command' ? 'command: _start runs once per instance' : mode === 'reactor' ? 'reactor: _initialize runs once per instance' : '';
  if (!functions.length) return entry || 'none';
  return `${entry ? `${entry}; ` : ''}imports ${functions.join(', ')}`;
}

function featuresLine(f: FeaturesAtInit | null, p: Paint): string {
  if (!f) return p.dim('unknown (no instance started)');
  if (f.enableFeaturesCalls === 0) return 'none (enable_features not called at init)';
  const enabled = f.enabled.length ? f.enabled.join(', ') : 'none';
  const refused = f.requested.filter((r) => !f.enabled.includes(r));
  return refused.length ? `${enabled} ${p.yellow(`(asked for ${f.requested.join(', ')}; not offered: ${refused.join(', ')})`)}` : enabled;
}

function abiExportsLine(d: GuestDescription, p: Paint): string {
  return d.abiExports.map((c) => (c.ok ? `${c.name} ✔` : p.red(c.found === 'missing' ? `${c.name} missing` : `${c.name} is ${c.found}, should be ${c.expected}`))).join(', ');
}

function facts(r: InspectReport, d: GuestDescription, p: Paint): string[] {
  const rows: [string, string][] = [
    ['guest', r.guest],
    ['size', `${d.size} bytes`],
  ];
  if (d.unreadable) rows.push(['binary', p.red(d.unreadable)]);
  // Bytes that are not a module have nothing more to describe.
  if (d.unreadable && !d.exports.length && !d.imports.length) return columns(rows, '', p.bold);
  rows.push(['ABI', abiLine(d, p)]);
  if (d.abi !== 'proxy-wasm') rows.push(['ABI exports', abiExportsLine(d, p)]);
  rows.push(['start section', d.startSection ? 'yes: the host runs it after instantiation, once memory is reachable' : 'no']);
  rows.push(['WASI', wasiLine(d)]);
  rows.push(['memory', d.memories.length ? d.memories.map(memoryLine).join('; ') : p.yellow('none defined')]);
  rows.push(['features at init', featuresLine(r.featuresAtInit, p)]);
  if (r.featuresAtInit?.getConfigCalls) rows.push(['config', `read at init (${plural(r.featuresAtInit.getConfigCalls, 'get_config call')})`]);
  return columns(rows, '', p.bold);
}

function externs(title: string, list: GuestDescription['exports'], p: Paint): string[] {
  if (!list.length) return [p.bold(`${title} (0)`)];
  const rows = list.map((e) => [e.module ? `${e.module}.${e.name}` : e.name, e.kind === 'function' ? `func ${e.signature ?? ''}`.trim() : e.kind] as const);
  return [p.bold(`${title} (${list.length})`), ...columns(rows, '  ')];
}

function hostFunctions(d: GuestDescription, p: Paint): string[] {
  const { used, unknown } = d.httpHandler;
  const rows = Object.entries(HTTP_HANDLER_GROUPS)
    .map(([group, fns]) => [group, fns.filter((f) => used.includes(f)).join(', ')] as const)
    .filter(([, fns]) => fns);
  if (unknown.length) rows.push(['not in the ABI', p.red(unknown.join(', '))]);
  return [p.bold(`http_handler functions used (${used.length} of ${HTTP_HANDLER_FUNCTIONS.length})`), ...columns(rows, '  ')];
}

function verdictLines(r: InspectReport, p: Paint): string[] {
  if (r.verdict.canRun) return [p.green(p.bold('✔ can run'))];
  const [first = 'unknown reason', ...rest] = r.verdict.reasons;
  const lines = [p.red(p.bold(`✖ cannot run: ${first}`)), ...rest.map((l) => `  ${l}`)];
  const e = r.verdict.error;
  if (e?.code) lines.push(p.dim(`  ${e.code} in ${e.phase}${e.culprit ? `, culprit ${e.culprit}` : ''}`));
  return lines;
}

export function printInspect(r: InspectReport, p: Paint): string {
  const out: string[] = [];
  const d = r.description;
  if (d && d.unreadable && !d.exports.length && !d.imports.length) {
    out.push(...facts(r, d, p));
  } else if (d) {
    out.push(...facts(r, d, p), '', ...externs('exports', d.exports, p), '', ...externs('imports', d.imports, p));
    if (d.abi === 'http-wasm') out.push('', ...hostFunctions(d, p));
  } else {
    out.push(...columns([['guest', r.guest]], '', p.bold));
  }
  if (r.initLog.length) {
    out.push('', p.bold('output at init'));
    out.push(...formatLog(r.initLog, p.dim));
  }
  out.push('', ...verdictLines(r, p));
  return `${out.join('\n')}\n`;
}
