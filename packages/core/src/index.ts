/**
 * @dapr-wasm/core: runs http-wasm guests (Dapr's middleware.http.wasm) on Web APIs alone, so the
 * same executor serves Node, Bun, Deno and Cloudflare Workers. Framework adapters wrap
 * `createMiddleware` and speak the port types below.
 */
export { createMiddleware, type WasmMiddleware, type AdapterDefaults } from './middleware.js';
export type { GuestDescription, AbiName } from './abi/abi.js';
export { resolveOptions, type WasmMiddlewareOptions, type GuestReference, type FileReader } from './options.js';
export type {
  IncomingRequest, ForwardedRequest, DownstreamResponse, Downstream, Outcome, HostCapabilities,
} from './exchange/port.js';
export { HeaderFields, type HeaderEntry, type HeaderEntries } from './exchange/header-fields.js';
export { formatSourceAddr } from './exchange/source-addr.js';
export { fieldLines } from './exchange/field-lines.js';
export { concatBytes, EMPTY_BYTES } from './exchange/byte-sink.js';
export { failure, statusFor } from './exchange/failure.js';
export type { PoolStats } from './pool/guest-pool.js';
export {
  DaprWasmError, GuestLoadError, GuestCompileError, GuestLinkError, GuestInstantiateError, GuestTrapError, GuestDeadlineError,
  PoolExhaustedError, MiddlewareClosedError, BodyTooLargeError, type Phase,
} from './errors.js';
export {
  consoleLogger, silentLogger, toLogLevel, type Logger, type LogLevel, type LogLevelName,
  LOG_LEVEL_DEBUG, LOG_LEVEL_INFO, LOG_LEVEL_WARN, LOG_LEVEL_ERROR, LOG_LEVEL_NONE,
} from './logger.js';
export * from './abi/http-wasm/constants.js';
export { compileGuest, type CompiledGuest } from './wasm/compile.js';
export { readModuleInfo, type ModuleInfo, type ImportInfo, type ExportInfo } from './wasm/module-info.js';
export { webIncoming, headerLines, readWebBody, type ConnectionInfo } from './web/incoming.js';
export { forwardedRequest, reroutes, changesRequest, type ForwardOptions } from './web/forward.js';
export { downstreamResult, outcomeResponse, withPresets } from './web/response.js';
export { exchangeThrough, fetchThrough, type FetchHandler, type WebDownstream } from './web/fetch-through.js';
