/** Starts an example app on 127.0.0.1:0 and stops it (guests drained) after the tests. */
import type { RequestListener } from 'node:http';
import { afterAll, beforeAll } from 'vitest';
import { listen, type Listening } from '../../examples/shared/listen.js';

export interface StartedApp {
  listener: RequestListener;
  wasm: { ready: Promise<void>; close(): Promise<void> };
}

/** Registers hooks that serve `start()`'s app for the enclosing describe; read `.url` inside tests. */
export function serveExample(start: () => StartedApp | Promise<StartedApp>): { readonly url: string } {
  let server: Listening | undefined;
  let wasm: StartedApp['wasm'] | undefined;
  beforeAll(async () => {
    const started = await start();
    wasm = started.wasm;
    await wasm.ready;
    server = await listen(started.listener);
  });
  afterAll(async () => {
    await server?.close();
    await wasm?.close();
  });
  return {
    get url() {
      if (!server) throw new Error('the example app is not running');
      return server.url;
    },
  };
}
