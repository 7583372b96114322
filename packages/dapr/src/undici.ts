/**
 * @dapr-wasm/dapr/undici: the Configuration's `httpPipeline` (calls the app makes through Dapr) on
 * the app's own outgoing calls, without a sidecar.
 *
 *   const outbound = await daprOutbound({ resources: './components', config: './config.yaml' });
 *   await outbound.fetch('http://orders.internal/v1/orders');   // or { dispatcher: outbound.dispatcher }
 *
 * The first listed handler sees the request first and the response last, as in Dapr.
 */
import { daprWasmInterceptor, type DaprWasmInterceptor } from '@dapr-wasm/undici';
import { Agent, fetch as undiciFetch, type Dispatcher } from 'undici';
import { loadPipeline } from './mount/load-pipeline.js';
import type { LoadPipelineOptions } from './mount/pipeline-options.js';

export interface DaprOutbound {
  /** The guests as undici interceptors, in compose order: `agent.compose(...interceptors)`. */
  readonly interceptors: readonly DaprWasmInterceptor[];
  /** An undici Agent with the pipeline composed in. */
  readonly dispatcher: Dispatcher;
  /** undici's fetch through `dispatcher`. */
  fetch(input: Parameters<typeof undiciFetch>[0], init?: Parameters<typeof undiciFetch>[1]): ReturnType<typeof undiciFetch>;
  close(): Promise<void>;
}

export async function daprOutbound(options: LoadPipelineOptions): Promise<DaprOutbound> {
  const pipeline = await loadPipeline({ pipeline: 'httpPipeline', ...options });
  const guests = pipeline.guests.map((g) => daprWasmInterceptor(g.options));
  try {
    await Promise.all(guests.map((g) => g.ready));
  } catch (err) {
    await Promise.all(guests.map((g) => g.close()));
    throw err;
  }
  // undici applies interceptors in turn, so the last listed wraps the rest: reverse Dapr's order
  // to make its first handler the outermost.
  const interceptors = [...guests].reverse();
  const agent = new Agent();
  const dispatcher = agent.compose(...interceptors);
  return {
    interceptors,
    dispatcher,
    fetch: (input, init) => undiciFetch(input, { ...init, dispatcher }),
    async close() {
      await agent.close();
      await Promise.all(guests.map((g) => g.close()));
    },
  };
}
