/**
 * @dapr-wasm/dapr/hono: a Dapr resources folder and Configuration mounted in one line.
 *
 *   import { daprWasm } from '@dapr-wasm/dapr/hono';
 *   app.use(daprWasm.pipeline({ resources: './components', config: './config.yaml', app }));
 *
 * or, wrapping the whole app so that every guest runs before Hono routes:
 *
 *   serve({ fetch: daprPipelineFetch(app, { resources: './components', config: './config.yaml' }) });
 *
 * Either way the first Component listed sees the request first and the response last.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { daprWasm as adapterDaprWasm, daprWasmFetch, type FetchApp } from '@dapr-wasm/hono';
import type { Context, MiddlewareHandler, Next } from 'hono';
import type { Generation } from './mount/generation.js';
import type { DaprPipelineOptions } from './mount/pipeline-options.js';
import { pipelineControls, type PipelineControls } from './mount/pipeline-handle.js';
import { PipelineRuntime } from './mount/pipeline-runtime.js';

type GuestMiddleware = ReturnType<typeof adapterDaprWasm>;
type GuestFetch = ReturnType<typeof daprWasmFetch>;

export type { DaprPipelineOptions } from './mount/pipeline-options.js';

export interface DaprPipelineHonoOptions extends DaprPipelineOptions {
  /**
   * The app to re-dispatch a rewritten request through, so that a guest's URI or method rewrite
   * changes the route (as with the Hono adapter's `{ app }`).
   */
  app?: FetchApp;
}

export interface DaprPipelineMiddleware extends MiddlewareHandler, PipelineControls {}

/** Where a request is in the pipeline: the generation it entered, and the guest running it. */
interface Position<H extends GuestMiddleware | GuestFetch> {
  readonly generation: Generation<H>;
  readonly index: number;
}

export function daprPipeline(options: DaprPipelineHonoOptions): DaprPipelineMiddleware {
  const { app, ...pipelineOptions } = options;
  const position = new AsyncLocalStorage<Position<GuestMiddleware>>();
  // A guest that rewrites the request re-dispatches it through the app, which runs this middleware
  // again: that request resumes after the guest that sent it, in the same generation.
  const resumeAt = new WeakMap<Request, Position<GuestMiddleware>>();
  const redispatch: FetchApp | undefined = app && {
    fetch(request, env, executionCtx) {
      const at = position.getStore();
      if (at) resumeAt.set(request, at);
      return app.fetch(request, env, executionCtx);
    },
  };
  const runtime = new PipelineRuntime(pipelineOptions, (guest) => adapterDaprWasm(guest, redispatch ? { app: redispatch } : {}));

  const dispatch = (generation: Generation<GuestMiddleware>, index: number, c: Context, next: Next): Promise<void> => {
    const guest = generation.handlers[index];
    if (!guest) return next();
    return position.run({ generation, index }, async () => {
      await guest(c, () => dispatch(generation, index + 1, c, next));
    });
  };

  const middleware: MiddlewareHandler = async function daprPipeline(c, next) {
    const resumed = resumeAt.get(c.req.raw);
    if (resumed) return dispatch(resumed.generation, resumed.index + 1, c, next);
    const generation = runtime.enterNow() ?? (await runtime.enter());
    try {
      await dispatch(generation, 0, c, next);
    } finally {
      generation.leave();
    }
  };
  return Object.assign(middleware, pipelineControls(runtime));
}

export interface DaprPipelineFetch extends PipelineControls {
  (request: Request, env?: unknown, executionCtx?: unknown): Promise<Response>;
}

/**
 * The whole app wrapped at the fetch level, guest by guest: `[a, b]` serves `a(b(app))`. Every
 * guest runs before Hono routes, so rewrites always pick the route.
 */
export function daprPipelineFetch(app: FetchApp, options: DaprPipelineOptions): DaprPipelineFetch {
  const position = new AsyncLocalStorage<Position<GuestFetch>>();
  const run = (generation: Generation<GuestFetch>, index: number, request: Request, env: unknown, ctx: unknown): Promise<Response> => {
    const guest = generation.handlers[index];
    if (!guest) return Promise.resolve(app.fetch(request, env, ctx));
    return position.run({ generation, index }, () => guest(request, env, ctx));
  };
  // Each guest's downstream is "the rest of the pipeline", found from where the request is.
  const rest: FetchApp = {
    fetch(request, env, ctx) {
      const at = position.getStore()!;
      return run(at.generation, at.index + 1, request, env, ctx);
    },
  };
  const runtime = new PipelineRuntime(options, (guest) => daprWasmFetch(rest, guest));

  const fetch = async (request: Request, env?: unknown, ctx?: unknown): Promise<Response> => {
    const generation = runtime.enterNow() ?? (await runtime.enter());
    try {
      return await run(generation, 0, request, env, ctx);
    } finally {
      generation.leave();
    }
  };
  return Object.assign(fetch, pipelineControls(runtime));
}

/** The Hono adapter's `daprWasm(guest, options)`, with `daprWasm.pipeline(options)` for a whole Dapr pipeline. */
export const daprWasm = Object.assign((...args: Parameters<typeof adapterDaprWasm>) => adapterDaprWasm(...args), { pipeline: daprPipeline });

export default daprWasm;
