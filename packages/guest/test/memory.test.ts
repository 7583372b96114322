// Why the SDK's guests use `--runtime minimal`: a long-lived instance serves thousands of
// requests, and the handler dispatch collects after every phase, so memory stays flat. The same
// guest on the stub runtime never frees and grows with every request.
import { beforeAll, expect, it } from 'vitest';
import { FakeHost, compileGuest } from './fake-host';
import { ensureGuestsBuilt, guestUrl } from './guests';

beforeAll(ensureGuestsBuilt, 240_000);

const PAGE = 65_536;

async function pagesAfter(name: string, requests: number[]): Promise<number[]> {
  const host = new FakeHost();
  const instance = host.instantiate(await compileGuest(guestUrl(name)));
  const memory = instance.exports.memory as WebAssembly.Memory;
  const pages: number[] = [];
  let served = 0;
  for (const target of requests) {
    for (; served < target; served++) host.handle(instance, { uri: `/r/${String(served).padStart(6, '0')}` });
    pages.push(memory.buffer.byteLength / PAGE);
  }
  return pages;
}

it('keeps memory flat over 5000 requests with the minimal runtime', async () => {
  const [warm, later] = await pagesAfter('test/alloc-minimal', [100, 5000]);
  expect(later).toBe(warm);
  expect(warm).toBeLessThanOrEqual(4);
});

it('grows with every request on the stub runtime (the contrast)', async () => {
  // About a page per request: a stub guest would exhaust a 4 GiB wasm32 memory within a day.
  const [warm, later] = await pagesAfter('test/alloc-stub', [100, 300]);
  expect(later).toBeGreaterThan(warm + 150);
});
