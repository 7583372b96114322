/**
 * workerd entry, bundled by worker-bundle.ts, which supplies the two virtual modules: the app's
 * factory, and its guests imported as `.wasm` modules (workerd's only way to get a
 * WebAssembly.Module). Miniflare puts the client's IP, without a port, in `cf-connecting-ip`, which
 * is what `hono/cloudflare-workers`'s getConnInfo reads.
 */
import { getConnInfo } from 'hono/cloudflare-workers';
import createApp from 'runtime-app:factory';
import { config, guests } from 'runtime-app:guests';

// Top-level await: a guest that fails to compile or validate fails the worker's startup, not a request.
const app = await createApp({ runtime: 'workerd', guests, guestFiles: {}, config, getConnInfo });

export default {
  fetch: (request: Request, env: unknown, ctx: unknown) => app.fetch(request, env, ctx),
};
