/** Starts and stops the server children of one framework, and checks each does the rewrite. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guestPath } from '../guests.js';
import type { Framework } from './framework.js';
import { APP_BODY, REWRITE_HEADER, loadPath, type Variant } from './rewrite.js';
import type { ServerReady } from './server.js';

export interface RunningServer {
  readonly variant: Variant;
  /** The URL the load generator asks for. */
  readonly url: string;
  readonly child: ChildProcess;
}

const serverEntry = fileURLToPath(new URL('./server.ts', import.meta.url));

export function startServer(f: Framework, variant: Variant): Promise<RunningServer> {
  const guestUrl = pathToFileURL(guestPath('rewrite')).href;
  const child = fork(serverEntry, [f.key, variant, guestUrl], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('did not start within 30 s')), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`${f.name} (${variant}) server: ${err.message}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`exited with code ${code} before listening`)));
    child.once('message', (m) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { port } = m as ServerReady;
      resolve({ variant, url: `http://127.0.0.1:${port}${loadPath(variant)}`, child });
    });
  });
}

export function stopServer(s: RunningServer): Promise<void> {
  if (s.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.disconnect();
    setTimeout(() => s.child.kill(), 5_000).unref();
  });
}

/** One request per variant before any load: the app answered, and rewrote only when it should. */
export async function verifyServer(f: Framework, s: RunningServer): Promise<void> {
  const res = await fetch(s.url);
  const body = await res.text();
  const tagged = res.headers.get(REWRITE_HEADER) === '1';
  const problem =
    res.status !== 200 ? `status ${res.status}`
    : body !== APP_BODY ? `body ${JSON.stringify(body.slice(0, 80))}`
    : tagged !== (s.variant !== 'bare') ? `${REWRITE_HEADER} header ${tagged ? 'present' : 'missing'}`
    : undefined;
  if (problem) throw new Error(`${f.name} (${s.variant}) answered ${s.url} wrongly: ${problem}`);
}
