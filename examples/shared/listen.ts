/**
 * Serves any of the example apps on 127.0.0.1 through node:http: Express apps are request
 * listeners already, Koa gives one with `app.callback()`, Hono with @hono/node-server's
 * `getRequestListener(app.fetch)`. Port 0 picks a free port, which is what tests and the demo use.
 */
import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Listening {
  /** e.g. "http://127.0.0.1:41234" */
  readonly url: string;
  readonly port: number;
  /** Stops listening and drops idle keep-alive connections, so the process can exit at once. */
  close(): Promise<void>;
}

export async function listen(listener: RequestListener, port = 0): Promise<Listening> {
  const server = createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${actual}`,
    port: actual,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}
