/**
 * Node over HTTP/2: the app on @hono/node-server with a `node:http2` server, in the test process.
 *   transport 'h2'  (default) TLS with ALPN, as browsers and most clients speak HTTP/2; the
 *                   certificate is made at start (self-signed-cert.ts) and the returned dispatcher
 *                   trusts exactly it.
 *   transport 'h2c' cleartext with prior knowledge; only a client that asks for it speaks this
 *                   (undici's H2CClient; node's global fetch cannot).
 * Either way the app sees `c.env.incoming.httpVersion === '2.0'` and an Http2ServerRequest.
 */
import { createSecureServer, createServer } from 'node:http2';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { Agent, H2CClient, type Dispatcher } from 'undici';
import { serveSpec, type RunningApp, type StartOptions } from './app-contract.js';
import { buildApp } from './entries/build-app.js';
import { closeServer, listening, trackSessions } from './node-server-lifecycle.js';
import { selfSignedCert } from './self-signed-cert.js';

export interface Http2StartOptions extends StartOptions {
  transport?: 'h2' | 'h2c';
}

export interface Http2App extends RunningApp {
  dispatcher: Dispatcher;
  /** The certificate to trust, for clients other than `dispatcher` (node:http2's connect); empty for h2c. */
  ca: string;
}

export async function start(appEntry: string, options: Http2StartOptions = {}): Promise<Http2App> {
  const spec = serveSpec(appEntry, options);
  const app = await buildApp(spec, 'node-http2', getConnInfo);
  const tls = options.transport !== 'h2c';
  const { cert, key } = tls ? selfSignedCert() : { cert: '', key: '' };
  const server: ServerType = tls
    ? serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, createServer: createSecureServer, serverOptions: { cert, key } })
    : serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0, createServer });
  trackSessions(server);
  const { port } = (await listening(server, options.startupTimeoutMs)) as AddressInfo;
  const url = `${tls ? 'https' : 'http'}://127.0.0.1:${port}`;
  const dispatcher = tls ? new Agent({ allowH2: true, connect: { ca: cert } }) : new H2CClient(url);
  return {
    runtime: 'node-http2',
    url,
    dispatcher,
    ca: cert,
    ...(app.stats ? { stats: () => app.stats!() } : {}),
    close: async () => {
      await dispatcher.destroy();
      await closeServer(server);
      await app.close?.();
    },
  };
}
