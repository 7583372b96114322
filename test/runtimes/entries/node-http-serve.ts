/**
 * Serves an app with @hono/node-server, for Bun and Deno running their `node:http`. Hono then gets
 * node's `incoming` as `c.env`, as on Node: repeated header lines stay apart (`rawHeaders`), and the
 * HTTP version and the raw request-target are known, which Bun.serve and Deno.serve do not offer.
 */
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import type { FetchApp } from '../app-contract.js';

export function serveWithNodeHttp(app: FetchApp): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (req, env) => app.fetch(req, env), hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => resolve(info.port));
    server.once('error', reject);
  });
}
