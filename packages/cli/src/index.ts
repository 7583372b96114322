/**
 * @dapr-wasm/cli as a library: the commands' work without the command line, for tools and tests
 * that want the reports as values. The `dapr-wasm` bin is `main(process.argv.slice(2))`.
 */
export { main, commands } from './main.js';
export { inspectGuest, type InspectReport, type FeaturesAtInit } from './inspect/report.js';
export { describeGuest, type GuestDescription } from './inspect/describe.js';
export type { Verdict } from './inspect/verdict.js';
export { invokeGuest, type InvokeReport, type InvokeOptions } from './invoke/run.js';
export { requestSpec, type RequestSpec } from './invoke/request.js';
export type { ResponseSpec } from './invoke/stub-downstream.js';
export { readGuest, type GuestBytes } from './guest-source.js';
export type { CliIo } from './io.js';
