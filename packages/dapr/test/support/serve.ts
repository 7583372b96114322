/** Serves a node:http listener on 127.0.0.1, port 0, and closes it without waiting for idle keep-alive sockets. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Served {
  readonly url: string;
  readonly server: http.Server;
  close(): Promise<void>;
}

export async function serve(listener: http.RequestListener | http.Server): Promise<Served> {
  const server = listener instanceof http.Server ? listener : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    server,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
