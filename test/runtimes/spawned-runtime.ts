/**
 * Runs an app in a runtime of its own (Bun, Deno): spawn the binary on an entry script, wait for
 * the entry's "listening" line, and make sure the process never outlives the test. Startup is
 * bounded, and a failed start reports the runtime's own stderr, which is where Bun and Deno say
 * what went wrong (an unresolved import, a missing permission).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { DEFAULT_STARTUP_TIMEOUT_MS, type RunningApp, type RuntimeName } from './app-contract.js';
import { parseListening } from './entries/listening.js';
import { OutputTail } from './output-tail.js';

export interface SpawnOptions {
  runtime: RuntimeName;
  command: string;
  args: string[];
  cwd: string;
  env?: Record<string, string>;
  startupTimeoutMs?: number;
}

const KILL_GRACE_MS = 2_000;

/** Children still running; killed if the test process exits without closing them. */
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export async function startSpawned(options: SpawnOptions): Promise<RunningApp> {
  const timeoutMs = options.startupTimeoutMs ?? DEFAULT_STARTUP_TIMEOUT_MS;
  const child = spawn(options.command, options.args, {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', ...options.env },
    // stdin stays open and unused: the entry exits when it closes (entries/exit-with-launcher.ts).
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  live.add(child);
  const exited = new Promise<void>((resolve) => child.once('exit', () => (live.delete(child), resolve())));
  const output = new OutputTail();
  output.follow(child.stderr!);

  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS);
    await exited;
    clearTimeout(timer);
  };

  try {
    const port = await new Promise<number>((resolve, reject) => {
      const fail = (why: string) => reject(output.explain(options.runtime, why));
      const timer = setTimeout(() => fail(`did not listen within ${timeoutMs} ms`), timeoutMs);
      child.once('error', (err) => (clearTimeout(timer), fail(`could not be spawned: ${err.message}`)));
      child.once('exit', (code, signal) => (clearTimeout(timer), fail(`exited before listening (code ${code}, signal ${signal})`)));
      createInterface({ input: child.stdout! }).on('line', (line) => {
        const port = parseListening(line);
        if (port === undefined) return void output.keep(line + '\n');
        clearTimeout(timer);
        resolve(port);
      });
    });
    return { runtime: options.runtime, url: `http://127.0.0.1:${port}`, close };
  } catch (err) {
    await close();
    throw err;
  }
}
