/**
 * @dapr-wasm/undici: guests on the app's outgoing calls, Dapr's `httpPipeline` without a sidecar.
 *   new Agent().compose(daprWasmInterceptor('file://./outbound.wasm'))
 *   const fetch = daprWasmFetch('file://./outbound.wasm')
 */
export { daprWasmInterceptor, type DaprWasmInterceptor } from './interceptor.js';
export { daprWasmFetch, type DaprWasmFetch } from './fetch.js';
export type { GuestReference, WasmMiddlewareOptions } from '@dapr-wasm/core';
