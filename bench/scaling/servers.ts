/** Starts, checks, samples and stops the scaling section's server children. */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guestPath } from '../guests.js';
import { APP_BODY, REWRITE_HEADER, loadPath } from '../e2e/rewrite.js';
import type { ServerKind, ServerMessage, ServerSample } from './server.js';

export interface LoopbackServer {
  readonly kind: ServerKind;
  /** What the load asks for: the bare app is asked for its route, the guest's server for /api/…. */
  readonly url: string;
  readonly child: ChildProcess;
}

const entry = fileURLToPath(new URL('./server.ts', import.meta.url));

export function startLoopbackServer(kind: ServerKind): Promise<LoopbackServer> {
  const child = fork(entry, [kind, pathToFileURL(guestPath('rewrite')).href], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('did not start within 30 s')), 30_000);
    const fail = (err: Error) => {
      clearTimeout(timer);
      child.kill();
      reject(new Error(`scaling server (${kind}): ${err.message}`));
    };
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`exited with code ${code} before listening`)));
    child.once('message', (m) => {
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const { port } = m as { port: number };
      resolve({ kind, url: `http://127.0.0.1:${port}${loadPath(kind === 'bare' ? 'bare' : 'wasm')}`, child });
    });
  });
}

/** The server's own memory figures and pool counters, as it sees them now. */
export function sampleServer(s: LoopbackServer): Promise<ServerSample> {
  return new Promise((resolve) => {
    s.child.once('message', (m: ServerMessage) => resolve(m as ServerSample));
    s.child.send('sample');
  });
}

export function stopLoopbackServer(s: LoopbackServer): Promise<void> {
  if (s.child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    s.child.once('exit', () => resolve());
    s.child.disconnect();
    setTimeout(() => s.child.kill(), 5_000).unref();
  });
}

/** One request before any load: 200 with the app's body, rewritten by the guest when there is one. */
export async function verifyLoopbackServer(s: LoopbackServer): Promise<void> {
  const res = await fetch(s.url);
  const body = await res.text();
  const tagged = res.headers.get(REWRITE_HEADER) === '1';
  const problem =
    res.status !== 200 ? `status ${res.status}`
    : body !== APP_BODY ? `body ${JSON.stringify(body.slice(0, 80))}`
    : tagged !== (s.kind === 'wasm') ? `${REWRITE_HEADER} header ${tagged ? 'present' : 'missing'}`
    : undefined;
  if (problem) throw new Error(`scaling server (${s.kind}) answered ${s.url} wrongly: ${problem}`);
}
