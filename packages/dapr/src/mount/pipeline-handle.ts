import type { AdapterHandle } from './generation.js';
import type { PipelineComponent, PipelineRuntime } from './pipeline-runtime.js';

/** What every framework's pipeline middleware carries besides being a middleware. */
export interface PipelineControls {
  /**
   * Settles when every guest of the pipeline is loaded and started; rejects with the error that
   * stopped it, a DaprComponentError naming the Component and URL, or a DaprResourceError naming
   * the file and line. Requests that arrive earlier wait for it.
   */
  readonly ready: Promise<void>;
  /** Loads resources and modules again and swaps them in; rejects, keeping the serving guests, if anything fails. */
  reload(): Promise<void>;
  /** The guests serving now, in pipeline order. */
  components(): readonly PipelineComponent[];
  /** Stops watching and taking requests; resolves when in-flight requests have finished. */
  close(): Promise<void>;
}

export function pipelineControls<H extends AdapterHandle>(runtime: PipelineRuntime<H>): PipelineControls {
  return {
    ready: runtime.ready,
    reload: () => runtime.reload(),
    components: () => runtime.components(),
    close: () => runtime.close(),
  };
}
