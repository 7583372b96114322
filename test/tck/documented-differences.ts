/**
 * The TCK cases a target answers differently because of a documented capability difference
 * (test/harness/capabilities.ts), and the exact answer it gives instead. The suite asserts that
 * answer, so a difference can neither hide other failures nor outlive the limit that causes it.
 */
import type { TargetCapabilities } from '../harness/capabilities.js';

export interface DocumentedDifference {
  readonly id: string;
  /** Why, in the words of the capability. */
  readonly why: string;
  /** The guest's failure message (`x-httpwasm-tck-failed`) the case answers with instead. */
  readonly failure: string;
}

export function documentedDifferences(caps: TargetCapabilities): DocumentedDifference[] {
  const out: DocumentedDifference[] = [];
  if (!caps.distinctRequestLines) {
    out.push({
      id: 'get_header_values/request/multiple-values',
      why: 'the runtime joins repeated request header lines into one "value1, value2" before the guest runs',
      failure: 'get_request_header: want 2 values, have 1',
    });
  }
  if (!caps.clientPort) {
    out.push({
      id: 'get_source_addr',
      why: 'the runtime gives the client address without its port, reported as port 0',
      failure: "get_source_addr: could not find port number '0' from 127.0.0.1:0",
    });
  }
  return out;
}
