/**
 * Boots a real Koa app (Koa 3 or Koa 2) on 127.0.0.1 with a test guest mounted first, so each
 * test file only says which guest and which routes.
 */
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import wabt from 'wabt';
import Koa from 'koa';
import Koa2 from 'koa2';
import { daprWasm, type DaprWasmMiddleware, type WasmMiddlewareOptions } from '../src/index.js';

/** Every Koa major the adapter supports, by name. */
export const koaVersions = [
  ['koa3', Koa],
  ['koa2', Koa2],
] as const satisfies readonly (readonly [string, typeof Koa])[];

const compiled = new Map<string, Promise<Uint8Array>>();

/**
 * A guest from packages/koa/test/guests, compiled from its .wat here: scripts/build-guests.mjs
 * does not walk packages/<name>/test.
 */
export function guestBytes(name: string): Promise<Uint8Array> {
  let bytes = compiled.get(name);
  if (!bytes) {
    bytes = (async () => {
      const text = await readFile(new URL(`./guests/${name}.wat`, import.meta.url), 'utf8');
      const mod = (await wabt()).parseWat(`${name}.wat`, text);
      try {
        mod.validate();
        return mod.toBinary({}).buffer;
      } finally {
        mod.destroy();
      }
    })();
    compiled.set(name, bytes);
  }
  return bytes;
}

export interface RunningApp {
  readonly url: string;
  readonly app: Koa;
  readonly middleware: DaprWasmMiddleware;
  close(): Promise<void>;
}

export interface AppSetup {
  /** Middleware mounted before the guest (e.g. an error handler). */
  before?: (app: Koa) => void;
  /** The rest of the app, after the guest. */
  after: (app: Koa) => void;
  options?: Omit<WasmMiddlewareOptions, 'url' | 'bytes' | 'module'>;
}

export async function startApp(Application: typeof Koa, guest: string, setup: AppSetup): Promise<RunningApp> {
  const middleware = daprWasm({ bytes: await guestBytes(guest), name: guest, ...setup.options });
  await middleware.ready;
  const app = new Application();
  // Errors the tests provoke on purpose; tests that care listen themselves.
  app.silent = true;
  setup.before?.(app);
  app.use(middleware);
  setup.after(app);
  const server = http.createServer(app.callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    app,
    middleware,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await middleware.close();
    },
  };
}
