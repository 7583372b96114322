/**
 * One worker: compiles the guest, serves the app on the shared port, and on SIGTERM or SIGINT
 * stops taking connections, lets in-flight requests finish, closes the middleware and exits.
 */
import { createServer } from 'node:http';
import { consoleLogger } from '@dapr-wasm/core';
import { createApp } from './app.js';

/** Longest a stopping worker waits for busy keep-alive connections before cutting them. */
const DRAIN_MS = 5_000;

export async function runWorker(port: number): Promise<void> {
  const { app, wasm } = createApp(consoleLogger('warn', `worker ${process.pid}`));
  // Each worker compiles the guest and keeps its own instance pool. A compiled WebAssembly.Module
  // and its instances belong to one V8 isolate: they cannot be posted to another process, so a
  // cluster pays one compile per worker, at startup, and never on a request.
  await wasm.ready;

  const server = createServer(app.callback());
  // In a worker, listen() asks the primary for the shared socket: every worker gets the same port.
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });

  let stopping = false;
  const stop = async () => {
    if (stopping) return; // a terminal's Ctrl-C reaches both the worker and, via the primary, SIGTERM
    stopping = true;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    setTimeout(() => server.closeAllConnections(), DRAIN_MS).unref();
    await closed;
    await wasm.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}
