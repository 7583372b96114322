/**
 * Koa harness: `app.use(daprWasm(...))`, then the backend as a plain Koa middleware, served by
 * node:http on 127.0.0.1. One factory serves Koa 3 and Koa 2 alike.
 */
import http from 'node:http';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { bodyParser } from '@koa/bodyparser';
import type Koa from 'koa';
import { daprWasm } from '@dapr-wasm/koa';
import { backendBodyReading, backends, type BackendReply, type BackendRequest, type BodyReading, type HeaderLine } from './backends.js';
import { closeServer, listenOnLoopback } from './node-server.js';
import type { Target } from './types.js';

/** `koa` itself, from either major version. */
export type KoaFactory = typeof Koa;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rawBody(ctx: Koa.Context): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of ctx.req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('latin1');
}

/** What the app saw after the middleware ran, body included when the backend reads it. */
async function seenByApp(ctx: Koa.Context, reading: BodyReading | undefined): Promise<BackendRequest> {
  // Koa exposes headers only as node's comma-joined object; ctx.req.rawHeaders has one entry per line.
  const raw = ctx.req.rawHeaders;
  const headerLines: HeaderLine[] = [];
  for (let i = 0; i < raw.length; i += 2) headerLines.push([raw[i], raw[i + 1]]);
  const seen: BackendRequest = { method: ctx.method, uri: ctx.url, headerLines };
  if (reading === 'raw') return { ...seen, body: await rawBody(ctx) };
  if (reading === 'json') return { ...seen, json: (ctx.request as { body?: unknown }).body };
  return seen;
}

/** The pieces as a stream Koa pipes to the client, a few milliseconds apart, then the trailers. */
async function* pieces(ctx: Koa.Context, reply: BackendReply): AsyncGenerator<Buffer> {
  const parts = reply.chunks ?? (reply.body === undefined ? [] : [reply.body]);
  for (const [i, piece] of parts.entries()) {
    if (i > 0) await pause(5);
    yield Buffer.from(piece);
  }
  // Koa has no trailer API; node sends what res.addTrailers holds when the chunked body ends.
  if (reply.trailers?.length) ctx.res.addTrailers(reply.trailers.map(([n, v]) => [n, v] as [string, string]));
}

async function writeBackendReply(ctx: Koa.Context, reply: BackendReply): Promise<void> {
  if (reply.delayMs) await pause(reply.delayMs);
  if (reply.status !== undefined) ctx.status = reply.status;
  // Appended, not set: headers the guest already put on the response stay.
  for (const [name, value] of reply.headers) ctx.append(name, value);
  if (reply.chunks === undefined && !reply.trailers?.length) {
    if (reply.body !== undefined) ctx.body = reply.body;
    return;
  }
  // Pieces and trailers both need a chunked body: a stream without a length.
  if (reply.trailers?.length) ctx.set('trailer', [...new Set(reply.trailers.map(([n]) => n))].join(', '));
  const type = ctx.response.get('content-type');
  ctx.body = Readable.from(pieces(ctx, reply), { objectMode: false });
  // A stream body makes Koa default the type; the backend's own type stays.
  if (type) ctx.type = type;
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
      await middleware.ready.catch(async (err: unknown) => {
        await middleware.close();
        throw err;
      });

      const backend = backends[backendName];
      const reading = backendBodyReading[backendName];
      const app = new Application();
      app.use(middleware);
      // Koa's usual JSON parser, after the middleware: it must see the body the guest left.
      if (reading === 'json') app.use(bodyParser());
      app.use(async (ctx) => writeBackendReply(ctx, backend(await seenByApp(ctx, reading))));

      const server = http.createServer(app.callback());
      const url = await listenOnLoopback(server);
      return {
        url,
        // Pool counters, for suites that check instances return to the pool.
        stats: () => middleware.stats(),
        async close() {
          await closeServer(server);
          await middleware.close();
        },
      };
    },
  };
}
