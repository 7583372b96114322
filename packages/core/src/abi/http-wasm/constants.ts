/** The http-wasm handler ABI's names and numbers, spelled as the ABI spells them. */
export const HOST_MODULE = 'http_handler';

export const FUNC_HANDLE_REQUEST = 'handle_request';
export const FUNC_HANDLE_RESPONSE = 'handle_response';
export const MEMORY_EXPORT = 'memory';

export const FEATURE_BUFFER_REQUEST = 1;
export const FEATURE_BUFFER_RESPONSE = 2;
export const FEATURE_TRAILERS = 4;

export const HEADER_KIND_REQUEST = 0;
export const HEADER_KIND_RESPONSE = 1;
export const HEADER_KIND_REQUEST_TRAILERS = 2;
export const HEADER_KIND_RESPONSE_TRAILERS = 3;

export const BODY_KIND_REQUEST = 0;
export const BODY_KIND_RESPONSE = 1;

export type HeaderKind = 0 | 1 | 2 | 3;
export type BodyKind = 0 | 1;

export const headerKindNames = ['request header', 'response header', 'request trailer', 'response trailer'];
export const featureNames: Record<number, string> = {
  [FEATURE_BUFFER_REQUEST]: 'buffer_request',
  [FEATURE_BUFFER_RESPONSE]: 'buffer_response',
  [FEATURE_TRAILERS]: 'trailers',
};
