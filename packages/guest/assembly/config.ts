// The guest configuration: an opaque value the host passes through unchanged (Dapr's
// `guestConfig` metadata). It is not necessarily UTF-8, so the bytes are the primary form.
import { get_config } from "./abi";
import { readBytes, readString } from "./scratch";

export namespace config {
  /** The configuration exactly as the host holds it; empty when none was given. */
  export function bytes(): ArrayBuffer {
    return readBytes(get_config);
  }

  /** The configuration decoded as UTF-8. */
  export function text(): string {
    return readString(get_config);
  }
}
