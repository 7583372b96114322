/**
 * Starts the cluster example as a child process on a free port of 127.0.0.1 and stops it, for
 * the test and the benchmark. The child's output is kept, line by line, so a caller can wait for
 * what the primary logs (a replacement worker, the shutdown) and show it when something fails.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { READY } from './primary.js';

const entry = fileURLToPath(new URL('./server.ts', import.meta.url));
// `--import tsx` resolves from the working directory: the repository root has tsx.
const root = fileURLToPath(new URL('../../', import.meta.url));

export interface RunningCluster {
  /** e.g. "http://127.0.0.1:41234" */
  readonly url: string;
  readonly child: ChildProcess;
  /** Everything the primary and its workers printed so far. */
  readonly lines: readonly string[];
  /**
   * Resolves with the first matching line from `lines[since]` on, printed already or to come;
   * rejects after `ms` (default 10 s) or when the cluster exits first.
   */
  waitFor(pattern: RegExp, options?: { since?: number; ms?: number }): Promise<RegExpMatchArray>;
  /** SIGTERM, then the exit; SIGKILL if it takes longer than `ms`. */
  stop(ms?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startCluster(workers: number, startMs = 20_000): Promise<RunningCluster> {
  const child = spawn(process.execPath, ['--import', 'tsx', entry, '--workers', String(workers), '--port', '0'], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  const watchers = new Set<() => void>();
  let exited = false;
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      watchers.forEach((w) => w());
      resolve({ code, signal });
    }),
  );
  for (const stream of [child.stdout!, child.stderr!]) {
    let partial = '';
    stream.setEncoding('utf8').on('data', (chunk: string) => {
      const parts = (partial + chunk).split('\n');
      partial = parts.pop()!;
      lines.push(...parts);
      watchers.forEach((w) => w());
    });
  }

  const waitFor = (pattern: RegExp, { since = 0, ms = 10_000 } = {}) =>
    new Promise<RegExpMatchArray>((resolve, reject) => {
      const check = () => {
        for (const line of lines.slice(since)) {
          const m = pattern.exec(line);
          if (m) return done(() => resolve(m));
        }
        if (exited) done(() => reject(new Error(`the cluster exited before printing ${pattern}\n${lines.join('\n')}`)));
      };
      const timer = setTimeout(() => done(() => reject(new Error(`no ${pattern} within ${ms} ms\n${lines.join('\n')}`))), ms);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        watchers.delete(check);
        settle();
      };
      watchers.add(check);
      check();
    });

  const stop = async (ms = 15_000) => {
    if (!exited) child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    try {
      return await exit;
    } finally {
      clearTimeout(timer);
    }
  };

  try {
    const ready = await waitFor(READY, { ms: startMs });
    return { url: ready[2], child, lines, waitFor, stop };
  } catch (err) {
    await stop(1_000);
    throw err;
  }
}
