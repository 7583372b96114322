/**
 * @dapr-wasm/dapr/koa: a Dapr resources folder and Configuration mounted in one line.
 *
 *   import { daprWasm } from '@dapr-wasm/dapr/koa';
 *   app.use(daprWasm.pipeline({ resources: './components', config: './config.yaml' }));
 *
 * The Components of the Configuration's appHttpPipeline run as one Koa middleware, in Dapr's
 * order: the first listed sees the request first and the response last.
 */
import { daprWasm as adapterDaprWasm } from '@dapr-wasm/koa';
import type { Context, Next } from 'koa';
import type { DaprPipelineOptions } from './mount/pipeline-options.js';
import { pipelineControls, type PipelineControls } from './mount/pipeline-handle.js';
import { PipelineRuntime } from './mount/pipeline-runtime.js';

type GuestHandler = ReturnType<typeof adapterDaprWasm>;

export type { DaprPipelineOptions } from './mount/pipeline-options.js';
export interface DaprPipelineMiddleware extends PipelineControls {
  (ctx: Context, next: Next): Promise<void>;
}

export function daprPipeline(options: DaprPipelineOptions): DaprPipelineMiddleware {
  const runtime = new PipelineRuntime(options, (guest) => adapterDaprWasm(guest));

  const middleware = async function daprPipeline(ctx: Context, next: Next): Promise<void> {
    const generation = runtime.enterNow() ?? (await runtime.enter());
    try {
      await dispatch(generation.handlers, 0, ctx, next);
    } finally {
      generation.leave();
    }
  };
  return Object.assign(middleware, pipelineControls(runtime));
}

function dispatch(guests: readonly GuestHandler[], index: number, ctx: Context, next: Next): Promise<unknown> {
  const guest = guests[index];
  return guest ? guest(ctx, () => dispatch(guests, index + 1, ctx, next)) : next();
}

/** The Koa adapter's `daprWasm(guest)`, with `daprWasm.pipeline(options)` for a whole Dapr pipeline. */
export const daprWasm = Object.assign((...args: Parameters<typeof adapterDaprWasm>) => adapterDaprWasm(...args), { pipeline: daprPipeline });

export default daprWasm;
