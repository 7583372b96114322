/**
 * Prints the heaviest functions of a V8 profile: self time for a .cpuprofile, bytes allocated for a
 * .heapprofile (sampled; --heap-prof keeps objects still alive at exit, so short-lived per-request
 * garbage is undercounted there: pair it with the allocation column of `pnpm bench`).
 *
 *   node --import tsx bench/profile/summary.ts [--top=25] <profile>...
 *
 * Several files (tsx's loader thread writes its own) are summed.
 */
import { readFileSync } from 'node:fs';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface CpuNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface CpuProfile {
  nodes: CpuNode[];
  samples: number[];
  timeDeltas: number[];
}
interface HeapNode {
  callFrame: CallFrame;
  selfSize: number;
  children: HeapNode[];
}

const args = process.argv.slice(2);
const files = args.filter((a) => !a.startsWith('--top='));
const top = Number(args.find((a) => a.startsWith('--top='))?.slice(6) ?? 25);
if (!files.length) {
  console.error('usage: summary.ts [--top=25] <profile.cpuprofile|profile.heapprofile>...');
  process.exit(2);
}
const root = process.cwd();

function where(f: CallFrame): string {
  const url = f.url.replace(`file://${root}/`, '').replace(/^node:/, 'node:');
  return `${f.functionName || '(anonymous)'}  ${url || '(native)'}${url ? `:${f.lineNumber + 1}` : ''}`;
}

function printTop(totals: Map<string, number>, unit: (v: number) => string, sum: number): void {
  const rows = [...totals].sort((a, b) => b[1] - a[1]).slice(0, top);
  for (const [name, v] of rows) console.log(`${((100 * v) / sum).toFixed(1).padStart(5)}%  ${unit(v).padStart(10)}  ${name}`);
}

const totals = new Map<string, number>();
let sum = 0;
let heap = false;
const add = (key: string, v: number) => {
  totals.set(key, (totals.get(key) ?? 0) + v);
  sum += v;
};

for (const file of files) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile | { head: HeapNode };
  if ('head' in profile) {
    heap = true;
    const walk = (n: HeapNode) => {
      if (n.selfSize) add(where(n.callFrame), n.selfSize);
      n.children.forEach(walk);
    };
    walk(profile.head);
  } else {
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const self = new Map<number, number>();
    profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
    for (const [id, us] of self) add(where(byId.get(id)!.callFrame), us);
  }
}
printTop(totals, heap ? (v) => `${(v / 1024).toFixed(0)} KB` : (v) => `${(v / 1000).toFixed(0)} ms`, sum);
