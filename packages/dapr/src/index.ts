/**
 * @dapr-wasm/dapr (Node only): reads Dapr resources folders and Configuration files into the wasm
 * middleware pipelines they describe.
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
