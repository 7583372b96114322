/**
 * A server under load runs in its own child process, so it has a core to itself while the load
 * generator uses the other. The child reports `{ port }` over IPC once it listens, and exits when
 * the parent disconnects. The end-to-end and scaling sections both start their servers this way.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { APP_BODY, REWRITE_HEADER } from './e2e/rewrite.js';

export interface ServerChild {
  readonly child: ChildProcess;
  readonly port: number;
}

/** Forks `entry` with `args`; `label` names it in errors. */
export function forkServer(entry: string, args: readonly string[], label: string): Promise<ServerChild> {
  const child = fork(entry, args, {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('did not start within 30 s')), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${label}: ${err.message}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`exited with code ${code} before listening`)));
    child.once('message', (m) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({ child, port: (m as { port: number }).port });
    });
  });
}

export function stopServerChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.disconnect();
    setTimeout(() => child.kill(), 5_000).unref();
  });
}

/**
 * One request before any load: 200 with the app's body, with the rewrite header exactly when the
 * server rewrites. A server that stops doing its job fails the run instead of looking fast.
 */
export async function checkRewrite(url: string, rewrites: boolean, label: string): Promise<void> {
  const res = await fetch(url);
  const body = await res.text();
  const tagged = res.headers.get(REWRITE_HEADER) === '1';
  const problem =
    res.status !== 200 ? `status ${res.status}`
    : body !== APP_BODY ? `body ${JSON.stringify(body.slice(0, 80))}`
    : tagged !== rewrites ? `${REWRITE_HEADER} header ${tagged ? 'present' : 'missing'}`
    : undefined;
  if (problem) throw new Error(`${label} answered ${url} wrongly: ${problem}`);
}
