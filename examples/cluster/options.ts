/**
 * How many workers and which port: `--workers N` or WORKERS, `--port P` or PORT. Workers default
 * to os.availableParallelism(), one per core the process may use; port 0 picks a free one.
 */
import { availableParallelism } from 'node:os';

export interface ClusterOptions {
  readonly workers: number;
  readonly port: number;
}

function flag(argv: readonly string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

function count(text: string | undefined, fallback: number, what: string, min: number): number {
  if (text === undefined || text === '') return fallback;
  const n = Number(text);
  if (!Number.isInteger(n) || n < min) throw new Error(`${what} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
  return n;
}

export function clusterOptions(argv = process.argv.slice(2), env = process.env): ClusterOptions {
  return {
    workers: count(flag(argv, '--workers') ?? env.WORKERS, availableParallelism(), 'workers', 1),
    port: count(flag(argv, '--port') ?? env.PORT, 3000, 'port', 0),
  };
}
