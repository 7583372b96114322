/** Starts and stops the server children of one framework, and checks each does the rewrite. */
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { guestPath } from '../guests.js';
import { checkRewrite, forkServer, stopServerChild } from '../server-child.js';
import type { Framework } from './framework.js';
import { loadPath, type Variant } from './rewrite.js';

export interface RunningServer {
  readonly variant: Variant;
  /** The URL the load generator asks for. */
  readonly url: string;
  readonly child: ChildProcess;
}

const serverEntry = fileURLToPath(new URL('./server.ts', import.meta.url));

export async function startServer(f: Framework, variant: Variant): Promise<RunningServer> {
  const guestUrl = pathToFileURL(guestPath('rewrite')).href;
  const { child, port } = await forkServer(serverEntry, [f.key, variant, guestUrl], `${f.name} (${variant}) server`);
  return { variant, url: `http://127.0.0.1:${port}${loadPath(variant)}`, child };
}

export const stopServer = (s: RunningServer): Promise<void> => stopServerChild(s.child);

/** One request per variant before any load: the app answered, and rewrote only when it should. */
export const verifyServer = (f: Framework, s: RunningServer): Promise<void> =>
  checkRewrite(s.url, s.variant !== 'bare', `${f.name} (${s.variant})`);
