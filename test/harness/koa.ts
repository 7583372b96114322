/**
 * Koa harness: `app.use(daprWasm(...))`, then the backend as a plain Koa middleware, served by
 * node:http on 127.0.0.1. One factory serves Koa 3 and Koa 2 alike.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import type Koa from 'koa';
import { daprWasm } from '@dapr-wasm/koa';
import { backends, type BackendReply, type BackendRequest, type HeaderLine } from './backends.js';
import { closeServer, listenOnLoopback } from './node-server.js';
import type { Target } from './types.js';

/** `koa` itself, from either major version. */
export type KoaFactory = typeof Koa;

function readBackendRequest(ctx: Koa.Context): BackendRequest {
  // Koa exposes headers only as node's comma-joined object; ctx.req.rawHeaders has one entry per line.
  const raw = ctx.req.rawHeaders;
  const headerLines: HeaderLine[] = [];
  for (let i = 0; i < raw.length; i += 2) headerLines.push([raw[i], raw[i + 1]]);
  return { method: ctx.method, uri: ctx.url, headerLines };
}

async function writeBackendReply(ctx: Koa.Context, reply: BackendReply): Promise<void> {
  if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
  if (reply.status !== undefined) ctx.status = reply.status;
  // Appended, not set: headers the guest already put on the response stay.
  for (const [name, value] of reply.headers) ctx.append(name, value);
  if (reply.body !== undefined) ctx.body = reply.body;
}

export function koaTarget(name: string, Application: KoaFactory): Target {
  return {
    name,
    async start(guest, backendName, options = {}) {
      const middleware = daprWasm({
        url: pathToFileURL(guest.path).href,
        ...(options.guestConfig === undefined ? {} : { guestConfig: options.guestConfig }),
        ...options.adapterOptions,
      });
      // A guest that cannot load fails the boot, not the first request.
      await middleware.ready;

      const backend = backends[backendName];
      const app = new Application();
      app.use(middleware);
      app.use((ctx) => writeBackendReply(ctx, backend(readBackendRequest(ctx))));

      const server = http.createServer(app.callback());
      const url = await listenOnLoopback(server);
      return {
        url,
        async close() {
          await closeServer(server);
          await middleware.close();
        },
      };
    },
  };
}
