/**
 * Express harness: `app.use(daprWasm(...))`, then the backend as a plain Express middleware,
 * served by node:http on 127.0.0.1. One factory serves Express 5 and Express 4 alike.
 */
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import type express from 'express';
import { daprWasm } from '@dapr-wasm/express';
import { backendBodyReading, backends, type BackendRequest, type BodyReading } from './backends.js';
import { readBackendBody, readBackendRequest, writeBackendReply } from './node-backend.js';
import { closeServer, listenOnLoopback } from './node-server.js';
import type { Target } from './types.js';

/** `express` itself, from either major version. */
export type ExpressFactory = typeof express;

/** What the app saw, body included when the backend reads it. */
async function seenByApp(req: express.Request, reading: BodyReading | undefined): Promise<BackendRequest> {
  const seen = readBackendRequest(req);
  if (reading === 'raw') return { ...seen, body: await readBackendBody(req) };
  if (reading === 'json') return { ...seen, json: req.body as unknown };
  return seen;
}

export function expressTarget(name: string, createApp: ExpressFactory): Target {
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
      const app = createApp();
      app.use(middleware);
      // Express's own parser, after the middleware: it must see the body the guest left.
      if (reading === 'json') app.use(createApp.json());
      // app.use rather than a route: it matches every method and path on Express 4 and 5.
      app.use((req, res, next) => {
        seenByApp(req, reading)
          .then((seen) => writeBackendReply(res, backend(seen)))
          .catch(next);
      });

      const server = http.createServer(app);
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
