import { isInitialVersion, isWasmMiddleware, SEED_WASM_TYPE, WASM_MIDDLEWARE_TYPE } from './component-types.js';
import type { HandlerSpec } from './configuration.js';
import type { Diagnostics } from './diagnostics.js';
import { DaprResourceError, RESOURCE_ERROR_CODES, type ResourceErrorCode } from './errors.js';
import type { MissingHandlerPolicy, SkippedResource, WasmComponent } from './types.js';

export interface PipelineContext {
  /** Loaded wasm Components by name. */
  loaded: ReadonlyMap<string, WasmComponent>;
  /** Components that were read but not loaded, by name. */
  skipped: ReadonlyMap<string, SkippedResource>;
  missingHandlers: MissingHandlerPolicy;
  nonWasmHandlers: MissingHandlerPolicy;
  diagnostics: Diagnostics;
}

/**
 * Matches a pipeline's handlers to Components by name and type (Dapr's compStore lookup), keeping
 * the handlers' order. A handler's version must be v1 or empty, the only version of the wasm
 * middleware; Dapr fails on any other too.
 */
export function buildPipeline(handlers: readonly HandlerSpec[], context: PipelineContext): WasmComponent[] {
  const pipeline: WasmComponent[] = [];
  for (const handler of handlers) {
    const at = { file: handler.file, ...handler.position, component: handler.name, field: handler.field };
    const apply = (policy: MissingHandlerPolicy, code: ResourceErrorCode, detail: string): void => {
      if (policy === 'error') throw new DaprResourceError(code, detail, at);
      context.diagnostics.warn(`${detail}; the handler is left out of the pipeline`, at);
    };

    if (!isWasmMiddleware(handler.type)) {
      const detail = `handler "${handler.name}" has type ${handler.type}; only ${WASM_MIDDLEWARE_TYPE} handlers run inline`;
      apply(context.nonWasmHandlers, RESOURCE_ERROR_CODES.HANDLER_TYPE, detail);
      continue;
    }
    if (!isInitialVersion(handler.version)) {
      const detail = `handler "${handler.name}": ${WASM_MIDDLEWARE_TYPE} has only version v1, found ${JSON.stringify(handler.version)}`;
      throw new DaprResourceError(RESOURCE_ERROR_CODES.VERSION, detail, at);
    }
    if (handler.type.toLowerCase() === SEED_WASM_TYPE) {
      context.diagnostics.warn(`handler "${handler.name}" type ${SEED_WASM_TYPE} is read as ${WASM_MIDDLEWARE_TYPE}`, at);
    }

    const component = context.loaded.get(handler.name);
    if (component) {
      pipeline.push(component);
      continue;
    }
    const skipped = context.skipped.get(handler.name);
    if (skipped && skipped.reason !== 'other-type') {
      const detail = `its Component was not loaded (${skipped.reason}: ${skipped.detail})`;
      context.diagnostics.warn(`handler "${handler.name}" is left out of the pipeline: ${detail}`, at);
      continue;
    }
    const hint = skipped ? ` (a Component "${handler.name}" exists in ${skipped.file}, with type ${skipped.type})` : '';
    const detail = `handler "${handler.name}" names no loaded ${WASM_MIDDLEWARE_TYPE} Component${hint}`;
    apply(context.missingHandlers, RESOURCE_ERROR_CODES.MISSING_HANDLER, detail);
  }
  return pipeline;
}
