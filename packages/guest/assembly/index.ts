// @dapr-wasm/guest: write http-wasm handler guests (Dapr `middleware.http.wasm`) in AssemblyScript.
// The entry file also needs `export * from "@dapr-wasm/guest/assembly/exports";`.
import "./abort";

export {
  HEADER_KIND_REQUEST,
  HEADER_KIND_RESPONSE,
  HEADER_KIND_REQUEST_TRAILERS,
  HEADER_KIND_RESPONSE_TRAILERS,
  BODY_KIND_REQUEST,
  BODY_KIND_RESPONSE,
} from "./abi";
export { Body } from "./body";
export { clock } from "./clock";
export { config } from "./config";
export { FEATURE_BUFFER_REQUEST, FEATURE_BUFFER_RESPONSE, FEATURE_TRAILERS, enableFeatures } from "./features";
export {
  CtxNext,
  RequestHandler,
  ResponseHandler,
  handleRequest,
  handleResponse,
  next,
  respond,
} from "./handler";
export { Headers } from "./headers";
export { JsonKind, JsonValue, parseJson, quoteJson } from "./json";
export { LOG_LEVEL_DEBUG, LOG_LEVEL_INFO, LOG_LEVEL_WARN, LOG_LEVEL_ERROR, LOG_LEVEL_NONE, log } from "./log";
export { Request } from "./request";
export { Response } from "./response";
export { joinUri, pathOf, queryOf, queryParam } from "./uri";
