/**
 * @dapr-wasm/dapr/express: a Dapr resources folder and Configuration mounted in one line.
 *
 *   import { daprWasm } from '@dapr-wasm/dapr/express';
 *   app.use(daprWasm.pipeline({ resources: './components', config: './config.yaml' }));
 *
 * The Components of the Configuration's appHttpPipeline run as one Express middleware, in Dapr's
 * order: the first listed sees the request first and the response last.
 */
import { daprWasm as adapterDaprWasm } from '@dapr-wasm/express';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { Generation } from './mount/generation.js';
import type { DaprPipelineOptions } from './mount/pipeline-options.js';
import { pipelineControls, type PipelineControls } from './mount/pipeline-handle.js';
import { PipelineRuntime } from './mount/pipeline-runtime.js';

type GuestHandler = ReturnType<typeof adapterDaprWasm>;

export type { DaprPipelineOptions } from './mount/pipeline-options.js';
export interface DaprPipelineHandler extends RequestHandler, PipelineControls {}

export function daprPipeline(options: DaprPipelineOptions): DaprPipelineHandler {
  const runtime = new PipelineRuntime(options, (guest) => adapterDaprWasm(guest));

  const handler = function daprPipeline(req: Request, res: Response, next: NextFunction): void {
    const generation = runtime.enterNow();
    if (generation) return run(generation, req, res, next);
    runtime.enter().then((g) => run(g, req, res, next), next);
  };
  return Object.assign(handler, pipelineControls(runtime));
}

function run(generation: Generation<GuestHandler>, req: Request, res: Response, next: NextFunction): void {
  // The guests are done with a request only when its response is: buffering guests rewrite it last.
  res.once('close', () => generation.leave());
  const step = (index: number) => (err?: unknown) => {
    if (err) return next(err);
    const guest = generation.handlers[index];
    if (!guest) return next();
    guest(req, res, step(index + 1));
  };
  step(0)();
}

/** The Express adapter's `daprWasm(guest)`, with `daprWasm.pipeline(options)` for a whole Dapr pipeline. */
export const daprWasm = Object.assign((...args: Parameters<typeof adapterDaprWasm>) => adapterDaprWasm(...args), { pipeline: daprPipeline });

export default daprWasm;
