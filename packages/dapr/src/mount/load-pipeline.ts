/**
 * The framework-neutral step: Dapr resources in, the guests of one pipeline out, each as the
 * core's middleware options with its module's bytes already fetched and verified. Every adapter's
 * `daprWasm(options)` and the core's `createMiddleware(options)` take these as they are.
 */
import type { WasmMiddlewareOptions as CoreMiddlewareOptions } from '@dapr-wasm/core';
import { loadResources } from '../load-resources.js';
import type { LoadedModule } from '../modules/loaded-module.js';
import { ModuleLoader } from '../modules/module-loader.js';
import type { DaprResources, WasmComponent } from '../types.js';
import type { LoadPipelineOptions, PipelineName } from './pipeline-options.js';
import { guestOptions, pipelineSettings, selectPipeline } from './pipeline-settings.js';
import { startComponents, type ComponentFailure } from './start-components.js';

export interface PipelineGuest {
  readonly component: WasmComponent;
  readonly module: LoadedModule;
  /** `{ bytes, name, guestConfig, strictSandbox, ...middleware }`. */
  readonly options: CoreMiddlewareOptions;
}

export interface LoadedPipeline {
  readonly name: PipelineName;
  /** In handler order: the first runs first on the request and last on the response. */
  readonly guests: readonly PipelineGuest[];
  /** Components left out because they failed and set `ignoreErrors`. */
  readonly failed: readonly ComponentFailure[];
  readonly resources: DaprResources;
}

/**
 * Loads the resources and every module of one pipeline (`appHttpPipeline` unless `pipeline` says
 * otherwise). Each module load is bounded by its Component's `initTimeout`. Rejects with a
 * DaprResourceError for the YAML, or a DaprComponentError naming the Component and URL.
 */
export async function loadPipeline(options: LoadPipelineOptions): Promise<LoadedPipeline> {
  const settings = pipelineSettings(options);
  const resources = await loadResources(options);
  const loader = new ModuleLoader(settings.modules, (message) => settings.logger.log(1, `${message}`, {}));
  try {
    const { started, failed } = await startComponents(
      selectPipeline(resources, settings),
      async (component, signal): Promise<PipelineGuest> => {
        const module = await loader.load(component, signal);
        return { component, module, options: guestOptions(component, module, settings.middleware) };
      },
      {
        defaultInitTimeoutMs: settings.initTimeoutMs,
        ignoreErrors: true,
        dispose: () => {},
        warn: (message, component) => settings.logger.log(1, `component "${component.name}": ${message}`, { component: component.name }),
      },
    );
    return { name: settings.pipeline, guests: started, failed, resources };
  } finally {
    await loader.close();
  }
}
