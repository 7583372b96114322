import type { WasmMiddlewareOptions as CoreMiddlewareOptions } from '@dapr-wasm/core';
import type { ModuleSourceOptions } from '../modules/module-source-options.js';
import type { LoadResourcesOptions } from '../types.js';

/** Which of the Configuration's pipelines to run. */
export type PipelineName = 'appHttpPipeline' | 'httpPipeline';

/**
 * Options every guest of the pipeline gets (`logger` for guest output, `poolSize`,
 * `failurePolicy`, ...). The guest source, name, guestConfig and strictSandbox come from each
 * Component.
 */
export type PipelineMiddlewareOptions = Omit<
  CoreMiddlewareOptions,
  'url' | 'bytes' | 'module' | 'guestConfig' | 'name' | 'strictSandbox' | 'readFile' | 'fetchTimeoutMs' | 'maxModuleBytes'
>;

export interface LoadPipelineOptions extends LoadResourcesOptions {
  /**
   * `appHttpPipeline` (calls into the app) is what middleware mounted in the app runs, as in Dapr;
   * `httpPipeline` is Dapr's pipeline for calls through its API, which an outbound client runs.
   * @default 'appHttpPipeline'
   */
  pipeline?: PipelineName;
  /** Fetching, verifying and caching guest modules. */
  modules?: ModuleSourceOptions;
  /** Passed to every guest's middleware. */
  middleware?: PipelineMiddlewareOptions;
  /**
   * How long loading and starting a guest may take when its Component sets no `spec.initTimeout`.
   * @default 5000, Dapr's default
   */
  initTimeoutMs?: number;
}

export interface WatchOptions {
  /** Quiet time after the last change before reloading, so an editor's write burst reloads once. @default 100 */
  debounceMs?: number;
}

/** What a reload did; sent to `onReload` and, in words, to the logger. */
export interface PipelineReloadEvent {
  /** `pipeline`: resources or Configuration changed (or `reload()` was called); `component`: one `file://` module changed. */
  readonly scope: 'pipeline' | 'component';
  /** The Component whose module changed, for scope `component`. */
  readonly component?: string;
  /** false: the update was refused and the previous guests keep serving. */
  readonly ok: boolean;
  readonly error?: Error;
}

export interface DaprPipelineOptions extends LoadPipelineOptions {
  /**
   * Reload when a `file://` module, a resources file or the Configuration changes. A new guest is
   * compiled and started before it replaces the old one; requests in flight finish on the old one;
   * a broken update is refused, logged, and the old guest keeps serving.
   * @default false
   */
  watch?: boolean | WatchOptions;
  /** Told about every reload, whether it was applied or refused. */
  onReload?: (event: PipelineReloadEvent) => void;
}
