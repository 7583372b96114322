/** Starts, checks, samples and stops the scaling section's server children. */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guestPath } from '../guests.js';
import { loadPath } from '../e2e/rewrite.js';
import { checkRewrite, forkServer, stopServerChild } from '../server-child.js';
import type { ServerKind, ServerMessage, ServerSample } from './server.js';

export interface LoopbackServer {
  readonly kind: ServerKind;
  /** What the load asks for: the bare app is asked for its route, the guest's server for /api/…. */
  readonly url: string;
  readonly child: ChildProcess;
}

const entry = fileURLToPath(new URL('./server.ts', import.meta.url));

export async function startLoopbackServer(kind: ServerKind): Promise<LoopbackServer> {
  const { child, port } = await forkServer(entry, [kind, pathToFileURL(guestPath('rewrite')).href], `scaling server (${kind})`);
  return { kind, url: `http://127.0.0.1:${port}${loadPath(kind === 'bare' ? 'bare' : 'wasm')}`, child };
}

/** The server's own memory figures and pool counters, as it sees them now. */
export function sampleServer(s: LoopbackServer): Promise<ServerSample> {
  return new Promise((resolve) => {
    s.child.once('message', (m: ServerMessage) => resolve(m as ServerSample));
    s.child.send('sample');
  });
}

export const stopLoopbackServer = (s: LoopbackServer): Promise<void> => stopServerChild(s.child);

/** One request before any load: 200 with the app's body, rewritten by the guest when there is one. */
export const verifyLoopbackServer = (s: LoopbackServer): Promise<void> =>
  checkRewrite(s.url, s.kind === 'wasm', `scaling server (${s.kind})`);
