/**
 * Starts an example from examples/ the way its README does, minus the guest build (the test run
 * builds guests first): in its own process group, so stopping it also stops what it spawned
 * (wrangler's workerd). Resolves with the URL the example prints.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RunningExample {
  url: string;
  stop(): Promise<void>;
}

export const exampleDir = (name: string) => fileURLToPath(new URL(`../../../examples/${name}/`, import.meta.url));

/** A port nothing listens on right now, for servers (wrangler) that cannot pick their own. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
    probe.once('error', reject);
  });
}

export function startExample(dir: string, command: string, args: string[], timeoutMs = 30_000): Promise<RunningExample> {
  const child = spawn(command, args, {
    cwd: dir,
    detached: true,
    env: { ...process.env, PORT: '0', NO_COLOR: '1', WRANGLER_SEND_METRICS: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      return; // the group is already gone
    }
    const timer = setTimeout(() => {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {}
    }, 3_000);
    await exited;
    clearTimeout(timer);
  };
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => void stop().then(() => reject(new Error(`${command} ${args.join(' ')} ${why}\n--- output ---\n${output}`)));
    const timer = setTimeout(() => fail(`printed no URL within ${timeoutMs} ms`), timeoutMs);
    const watch = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /http:\/\/127\.0\.0\.1:\d+/.exec(output)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    };
    child.stdout!.on('data', watch);
    child.stderr!.on('data', watch);
    child.once('exit', (code) => (clearTimeout(timer), fail(`exited (code ${code}) before printing its URL`)));
  });
}
