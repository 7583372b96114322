/**
 * A client that stops reading must not hold a guest instance. As in the reference host, where
 * handle_response runs once the next handler returned, the guest is done with a streamed response
 * when the app ends it, not when the last byte reaches a client that may never read it.
 */
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { cohortRouterGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

const BIG = Buffer.alloc(16 * 1024 * 1024, 0x61); // far beyond what the socket buffers hold

describe.each(expressVersions)('%s: a client that does not read', (_version, express) => {
  const wasm = daprWasm(cohortRouterGuest());
  let served: Served;
  let ended = 0;

  beforeAll(async () => {
    await wasm.ready;
    const app = express();
    app.use(wasm);
    app.get('/big', (_req, res) => {
      res.end(BIG);
      ended++;
    });
    app.get('/small', (_req, res) => void res.send('small'));
    served = await serve(app);
  });

  afterAll(async () => {
    await served.close();
    await wasm.close();
  });

  it('gets its instance back once the app ended the response, while the bytes still wait', async () => {
    const { port } = new URL(served.url);
    const client = net.connect(Number(port), '127.0.0.1');
    client.pause(); // reads nothing: most of the 16 MiB stays queued in the server
    client.write('GET /big HTTP/1.1\r\nHost: test\r\n\r\n');
    try {
      for (let i = 0; i < 200 && ended === 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(ended).toBe(1);
      for (let i = 0; i < 100 && wasm.stats().inUse !== 0; i++) await new Promise((r) => setTimeout(r, 10));
      expect(wasm.stats().inUse).toBe(0);
      expect(client.bytesRead).toBeLessThan(BIG.length);
      // The server goes on serving others meanwhile.
      const other = await send(served.url, { path: '/small' });
      expect(other.status).toBe(200);
      expect(other.text).toBe('small');
    } finally {
      client.destroy();
    }
  });
});
