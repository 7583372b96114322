// A/B routing, the way a Dapr pipeline guest does it: requests of cohort "b" (header
// `x-cohort: b`) go to the same path under /v2; everyone else passes through unchanged.
// It never reads the body, so the host leaves the request stream to the app.

import {
  HEADER_KIND_REQUEST, get_header_values, get_uri, set_uri
} from "../../packages/guest/assembly/abi";

const SCRATCH_SIZE: u32 = 2048;
const scratch: usize = memory.data(2048);

/** Whether the request carries exactly one `x-cohort` field line, and it is "b". */
function isCohortB(): bool {
  const name = String.UTF8.encode("x-cohort");
  const packed = get_header_values(HEADER_KIND_REQUEST, changetype<usize>(name), name.byteLength, scratch, SCRATCH_SIZE);
  // One value "b" is "b\0": count 1, 2 bytes.
  return (packed >> 32) == 1 && <u32>packed == 2 && load<u8>(scratch) == 0x62;
}

export function handle_request(): u64 {
  __reset();
  if (isCohortB()) {
    const len = get_uri(scratch, SCRATCH_SIZE);
    if (len <= SCRATCH_SIZE) {
      const uri = "/v2" + String.UTF8.decodeUnsafe(scratch, len);
      const b = String.UTF8.encode(uri);
      set_uri(changetype<usize>(b), b.byteLength);
    }
  }
  return 1;
}

export function handle_response(reqCtx: u32, isError: u32): void {}
