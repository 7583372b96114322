/**
 * @dapr-wasm/dapr (Node only): reads Dapr resources folders and Configuration files into the wasm
 * middleware pipelines they describe, and fetches, verifies and caches their guest modules. The
 * per-framework one-liners are the subpath entries `/express`, `/koa` and `/hono`.
 */
export { loadResources } from './load-resources.js';
export { componentToOptions, type WasmMiddlewareOptions } from './component-options.js';
export {
  DAPR_DEFAULT_INIT_TIMEOUT_MS,
  type DaprResources,
  type LoadResourcesOptions,
  type MissingHandlerPolicy,
  type SkippedResource,
  type SkipReason,
  type WasmComponent,
  type WasmPipeline,
} from './types.js';
export { DaprResourceError, RESOURCE_ERROR_CODES, type ResourceErrorCode, type ResourceLocation } from './errors.js';
export { envSecretStore, type EnvSecretStoreOptions, type SecretRef, type SecretResolver } from './secret-resolver.js';
export { consoleResourceLogger, type ResourceLogger, type ResourceLogLevel, type ResourceWarning } from './diagnostics.js';
export { WASM_MIDDLEWARE_TYPE, SEED_WASM_TYPE } from './component-types.js';
export { loadPipeline, type LoadedPipeline, type PipelineGuest } from './mount/load-pipeline.js';
export type {
  DaprPipelineOptions, LoadPipelineOptions, PipelineMiddlewareOptions, PipelineName, PipelineReloadEvent, WatchOptions,
} from './mount/pipeline-options.js';
export type { ComponentFailure } from './mount/start-components.js';
export { PipelineRuntime, type AdapterFactory, type PipelineComponent } from './mount/pipeline-runtime.js';
export type { AdapterHandle, Generation } from './mount/generation.js';
export type { PipelineControls } from './mount/pipeline-handle.js';
export { DaprComponentError, COMPONENT_ERROR_CODES, type ComponentErrorCode } from './modules/component-error.js';
export type { ModuleSourceOptions } from './modules/module-source-options.js';
export type { LoadedModule } from './modules/loaded-module.js';
