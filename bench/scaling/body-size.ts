/**
 * Per-request cost as the request body grows, in-process: `handle()` with read-body.wasm
 * (buffer_request, read_body in 64 KiB chunks to EOF, body replayed downstream) from an empty body
 * to 4 MiB. Sizes are timed round by round, as the in-process rows are, and each is checked once to
 * hand the whole body on. Throughput is body bytes over the p50 time of the whole call.
 */
import { createMiddleware, type ForwardedRequest, type WasmMiddleware } from '@dapr-wasm/core';
import { measure } from 'mitata';
import { guestBytes } from '../guests.js';
import { bytesOf, streamedDownstream, syntheticRequest } from '../in-process/synthetic.js';
import { median } from '../stats.js';

const KB = 1024;
const MB = KB * KB;
export const BODY_SIZES = [0, KB, 16 * KB, 64 * KB, 256 * KB, MB, 4 * MB] as const;

export interface BodySizeResult {
  readonly bytes: number;
  readonly p50Ns: number;
  readonly p99Ns: number;
  /** bytes / p50, in 10^9 bytes per second; undefined for the empty body. */
  readonly gbPerSec: number | undefined;
}

async function checkBodyHandedOn(mw: WasmMiddleware, size: number): Promise<void> {
  let forwarded: ForwardedRequest | undefined;
  const request = syntheticRequest(size ? bytesOf(size) : undefined);
  const outcome = await mw.handle(request, (f) => ((forwarded = f), streamedDownstream(f)));
  const handedOn = forwarded?.body?.length ?? 0;
  if (outcome.kind !== 'sent' || handedOn !== size) {
    throw new Error(`body-size row ${size} B is broken: outcome ${outcome.kind}, ${handedOn} body bytes handed on`);
  }
}

export async function runBodySizes(o: { rounds: number; cpuTimeMs: number; progress: (line: string) => void }): Promise<BodySizeResult[]> {
  // Room for the largest body; the default limit (10 MiB) would do too, but the row should not depend on it.
  const mw = createMiddleware({ bytes: guestBytes('read-body'), name: 'read-body', maxBodyBytes: 8 * MB });
  await mw.ready;
  try {
    const requests = BODY_SIZES.map((size) => syntheticRequest(size ? bytesOf(size) : undefined));
    for (const size of BODY_SIZES) await checkBodyHandedOn(mw, size);
    const timings = BODY_SIZES.map((): { p50: number; p99: number }[] => []);
    for (let round = 1; round <= o.rounds; round++) {
      o.progress(`body sizes round ${round}/${o.rounds}`);
      for (const [i, request] of requests.entries()) {
        const stats = await measure(() => mw.handle(request, streamedDownstream), { min_cpu_time: o.cpuTimeMs * 1e6 });
        timings[i].push({ p50: stats.p50, p99: stats.p99 });
      }
    }
    return BODY_SIZES.map((bytes, i) => {
      const p50Ns = median(timings[i].map((t) => t.p50));
      return { bytes, p50Ns, p99Ns: median(timings[i].map((t) => t.p99)), gbPerSec: bytes ? bytes / p50Ns : undefined };
    });
  } finally {
    await mw.close();
  }
}
