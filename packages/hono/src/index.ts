/**
 * @dapr-wasm/hono: Dapr `middleware.http.wasm` guests (the http-wasm handler ABI) in Hono apps on
 * Node, Bun, Deno and Cloudflare Workers, with Web Request/Response only. Two ways to mount a guest
 * (see RATIONALE.md, "Why two ways to mount a guest in Hono?"):
 * - `app.use('*', daprWasm(guest, { app }))`: Hono middleware; a rewrite re-dispatches through `app`;
 * - `daprWasmFetch(app, guest)`: wraps the whole app; the guest runs before Hono routes.
 * Every ABI rule lives in @dapr-wasm/core; this package only translates.
 */
export { daprWasm, type DaprWasmHonoOptions, type DaprWasmMiddleware, type FetchApp } from './middleware.js';
export { daprWasmFetch, type DaprWasmFetch } from './fetch-wrapper.js';
export { requestHeaderLines } from './request-view.js';
export type { WasmMiddlewareOptions, GuestReference, PoolStats, HeaderEntries } from '@dapr-wasm/core';
export { daprWasm as default } from './middleware.js';
