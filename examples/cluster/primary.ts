/**
 * The primary: forks the workers, replaces one that dies, and stops them all on SIGINT/SIGTERM.
 * It serves no requests itself; on Linux it accepts connections and hands them to the workers in
 * turn (cluster's round-robin policy).
 */
import cluster, { type Worker } from 'node:cluster';
import { once } from 'node:events';
import type { ClusterOptions } from './options.js';

/** Longest the primary waits for stopping workers before it kills them. */
const STOP_MS = 10_000;

/** The line a supervisor (the test, the benchmark) waits for; it carries the URL to use. */
export const READY = /^cluster ready: (\d+) workers on (http:\/\/\S+)$/m;

const log = (line: string) => console.log(line);

export function runPrimary({ workers, port }: ClusterOptions): void {
  let ready = false;
  let stopping = false;
  const serving = new Set<number>(); // worker ids that are listening

  // Replacements ask for the same port as the first workers, 0 included: the primary keeps one
  // socket per address asked for, and a worker asking for 0 joins it. (Asking for the port 0
  // turned into would make the primary bind a second socket there: EADDRINUSE.) Should every
  // worker die at once, that socket closes and port 0 becomes a new port.
  const fork = () => cluster.fork({ CLUSTER_PORT: String(port) });

  cluster.on('listening', (worker, address) => {
    serving.add(worker.id);
    log(`worker ${worker.process.pid} listening on 127.0.0.1:${address.port}`);
    if (!ready && serving.size >= workers) {
      ready = true;
      log(`cluster ready: ${workers} workers on http://127.0.0.1:${address.port}`);
    }
  });

  cluster.on('exit', (worker, code, signal) => {
    const how = signal ? `signal ${signal}` : `code ${code}`;
    const wasServing = serving.delete(worker.id);
    if (stopping) return log(`worker ${worker.process.pid} stopped (${how})`);
    if (!wasServing) {
      // A worker that cannot start (guest missing, port taken) would fail again: stop instead of
      // forking in a loop.
      console.error(`worker ${worker.process.pid} exited (${how}) before it was serving; stopping`);
      return void stop('a worker could not start', 1);
    }
    log(`worker ${worker.process.pid} died (${how}); starting a replacement`);
    fork();
  });

  const stop = async (why: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined && !w.isDead());
    log(`${why}: stopping ${live.length} workers`);
    const exited = live.map((w) => once(w, 'exit'));
    for (const w of live) w.process.kill('SIGTERM');
    setTimeout(() => live.forEach((w) => w.isDead() || w.process.kill('SIGKILL')), STOP_MS).unref();
    await Promise.all(exited);
    log('all workers stopped');
    process.exit(exitCode);
  };
  process.on('SIGINT', () => void stop('SIGINT', 0));
  process.on('SIGTERM', () => void stop('SIGTERM', 0));

  log(`primary ${process.pid} starting ${workers} workers`);
  for (let i = 0; i < workers; i++) fork();
}
