/**
 * Waiting for, and tearing down, a node server started in the test process. close() alone waits for
 * idle keep-alive sockets (and HTTP/2 sessions) to time out, so open connections are ended first.
 */
import type { AddressInfo } from 'node:net';
import type { ServerType } from '@hono/node-server';
import { DEFAULT_STARTUP_TIMEOUT_MS } from './app-contract.js';

export function listening(server: ServerType, timeoutMs = DEFAULT_STARTUP_TIMEOUT_MS): Promise<AddressInfo | string | null> {
  if (server.listening) return Promise.resolve(server.address());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`node server did not listen within ${timeoutMs} ms`)), timeoutMs);
    server.once('error', (err) => (clearTimeout(timer), reject(err)));
    server.once('listening', () => (clearTimeout(timer), resolve(server.address())));
  });
}

export function closeServer(server: ServerType): Promise<void> {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  if ('closeAllConnections' in server) server.closeAllConnections();
  for (const session of sessions.get(server) ?? []) session.destroy();
  return closed;
}

/** HTTP/2 servers have no closeAllConnections(); their sessions are tracked to be destroyed. */
const sessions = new WeakMap<ServerType, Set<{ destroy(): void }>>();

export function trackSessions(server: ServerType): void {
  const live = new Set<{ destroy(): void }>();
  sessions.set(server, live);
  server.on('session', (session: { destroy(): void; once(e: 'close', f: () => void): void }) => {
    live.add(session);
    session.once('close', () => live.delete(session));
  });
}
