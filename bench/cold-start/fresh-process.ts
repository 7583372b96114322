/**
 * Runs one trial in a new node process and returns what it reports over IPC. A new process is the
 * only true cold start: no compiled guest cached, no V8 code shared, and the core's own JavaScript
 * (the instrumenter above all) not yet optimised, as in a server that just booted.
 */
import { fork } from 'node:child_process';

export function inFreshProcess<T>(entry: string, args: readonly string[], nodeFlags: readonly string[] = []): Promise<T> {
  const child = fork(entry, args, {
    execArgv: [...nodeFlags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    let result: T | undefined;
    const timer = setTimeout(() => child.kill(), 60_000);
    child.once('message', (m) => (result = m as T));
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (code === 0 && result !== undefined) resolve(result);
      else reject(new Error(`${entry} ${args.join(' ')} exited with ${signal ?? `code ${code}`} before reporting`));
    });
  });
}

/** The child's side: report once, then let the process end. */
export function report(result: unknown): void {
  process.send!(result, () => process.disconnect());
}
