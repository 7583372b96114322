// Optional host features. Enabling one inside handle_request scopes it to that request; enabling
// it at start-up applies it to every request. Buffering costs host memory, so enable only what the
// guest uses.
import { enable_features } from "./abi";

/** Buffer the request body so the next handler can still read what the guest read. */
export const FEATURE_BUFFER_REQUEST: u32 = 1;
/** Buffer the next handler's response so handle_response can read and change it. */
export const FEATURE_BUFFER_RESPONSE: u32 = 2;
/** Request and response trailers. Hosts without them leave this bit clear. */
export const FEATURE_TRAILERS: u32 = 4;

/** Asks for `features` and returns everything now enabled; test the bits you need. */
export function enableFeatures(features: u32): u32 {
  return enable_features(features);
}
