// The outgoing response. In handle_request the guest may set status, headers and body (and return
// respond() to send them, or next() to let the app answer). In handle_response, changing it or
// reading its body requires FEATURE_BUFFER_RESPONSE.
import {
  BODY_KIND_RESPONSE,
  HEADER_KIND_RESPONSE,
  HEADER_KIND_RESPONSE_TRAILERS,
  get_status_code,
  set_status_code,
} from "./abi";
import { Body } from "./body";
import { Headers } from "./headers";

export class Response {
  readonly headers: Headers = new Headers(HEADER_KIND_RESPONSE);
  /** Setting one traps unless the host supports FEATURE_TRAILERS. */
  readonly trailers: Headers = new Headers(HEADER_KIND_RESPONSE_TRAILERS);
  readonly body: Body = new Body(BODY_KIND_RESPONSE);

  /** The status code; 200 until someone sets one. */
  get status(): u32 {
    return get_status_code();
  }

  set status(code: u32) {
    set_status_code(code);
  }
}
