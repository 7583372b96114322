/**
 * The pipeline options checked once, synchronously, so a typo throws where the pipeline is created
 * rather than when the first request arrives.
 */
import { join, resolve } from 'node:path';
import { silentLogger, type WasmMiddlewareOptions as CoreMiddlewareOptions } from '@dapr-wasm/core';
import { consoleResourceLogger, type ResourceLogger } from '../diagnostics.js';
import type { LoadedModule } from '../modules/loaded-module.js';
import { DEFAULT_MODULE_CACHE_DIR, resolveModuleSourceOptions, type ResolvedModuleSourceOptions } from '../modules/module-source-options.js';
import { DAPR_DEFAULT_INIT_TIMEOUT_MS, type DaprResources, type WasmComponent } from '../types.js';
import type { LoadPipelineOptions, PipelineMiddlewareOptions, PipelineName } from './pipeline-options.js';

export interface PipelineSettings {
  readonly pipeline: PipelineName;
  readonly initTimeoutMs: number;
  readonly modules: ResolvedModuleSourceOptions;
  readonly middleware: PipelineMiddlewareOptions;
  readonly logger: ResourceLogger;
  readonly cwd: string;
}

export function pipelineSettings(options: LoadPipelineOptions): PipelineSettings {
  if (options === null || typeof options !== 'object') throw new TypeError('expected pipeline options: { resources, config, appId, ... }');
  const pipeline = options.pipeline ?? 'appHttpPipeline';
  if (pipeline !== 'appHttpPipeline' && pipeline !== 'httpPipeline') {
    throw new TypeError(`pipeline must be 'appHttpPipeline' or 'httpPipeline', got ${JSON.stringify(pipeline)}`);
  }
  const initTimeoutMs = options.initTimeoutMs ?? DAPR_DEFAULT_INIT_TIMEOUT_MS;
  if (!Number.isInteger(initTimeoutMs) || initTimeoutMs < 1) throw new TypeError(`initTimeoutMs must be an integer >= 1, got ${initTimeoutMs}`);
  const cwd = options.cwd ?? process.cwd();
  return {
    pipeline,
    initTimeoutMs,
    modules: resolveModuleSourceOptions(options.modules, join(resolve(cwd), ...DEFAULT_MODULE_CACHE_DIR)),
    middleware: options.middleware ?? {},
    logger: options.logger ?? consoleResourceLogger,
    cwd,
  };
}

/**
 * The Components of the chosen pipeline. An empty one while the other has handlers is most likely
 * the wrong choice (the seed article puts its middleware in `httpPipeline`), so it is said aloud.
 */
export function selectPipeline(resources: DaprResources, settings: PipelineSettings): readonly WasmComponent[] {
  const chosen = resources[settings.pipeline];
  const other: PipelineName = settings.pipeline === 'appHttpPipeline' ? 'httpPipeline' : 'appHttpPipeline';
  if (chosen.length === 0 && resources[other].length > 0) {
    settings.logger.log(
      1,
      `the Configuration's ${settings.pipeline} is empty but its ${other} lists ${resources[other].map((c) => c.name).join(', ')}; ` +
        `pass pipeline: '${other}' to run those`,
      {},
    );
  }
  return chosen;
}

/**
 * The core's middleware options for one Component: its bytes, and its Dapr fields. The logger is
 * always set, silent by default as in the core, because the pipeline reports start and reload
 * failures itself (naming the Component and URL) and the core would print them a second time.
 */
export function guestOptions(component: WasmComponent, module: LoadedModule, middleware: PipelineMiddlewareOptions): CoreMiddlewareOptions {
  return {
    ...middleware,
    logger: middleware.logger ?? silentLogger,
    bytes: module.bytes,
    name: component.name,
    guestConfig: component.guestConfig,
    strictSandbox: component.strictSandbox,
  };
}
