/**
 * What a minimal SDK guest costs per request, in process: `handle()` of the core's middleware in a
 * loop, against a no-guest baseline with the same async chain (the `await` of the app). Prints the
 * module sizes and microseconds per request:
 *   pnpm guests && pnpm exec tsx examples/quickstart/measure-cost.ts
 * The guide's guest is compiled here with the guide's own asc command, so the repository's build
 * does not pay for it.
 *
 * Real HTTP adds the framework and the socket on top, the same with or without a guest; bench/
 * measures those end to end.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { createMiddleware, type Downstream, type IncomingRequest } from '@dapr-wasm/core';
import { headerValidationConfig } from '../header-validation/config.js';

const GUIDE_FLAGS = ['--runtime', 'minimal', '--optimize', '--noAssert', '--use', 'abort=httpHandlerAbort'];

/** Compiles the guide's hello.ts as the guide does (`npx asc hello.ts --outFile hello.wasm ...`). */
async function compileGuideGuest(): Promise<Uint8Array> {
  const dir = await mkdtemp(join(tmpdir(), 'dapr-wasm-hello-'));
  try {
    const asc = fileURLToPath(new URL('../../node_modules/assemblyscript/bin/asc.js', import.meta.url));
    const source = fileURLToPath(new URL('./guest/hello.ts', import.meta.url));
    const cwd = fileURLToPath(new URL('../../', import.meta.url)); // where @dapr-wasm/guest resolves
    await promisify(execFile)(process.execPath, [asc, source, '--outFile', join(dir, 'hello.wasm'), ...GUIDE_FLAGS], { cwd });
    return new Uint8Array(await readFile(join(dir, 'hello.wasm')));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const ITERATIONS = 50_000;
const ROUNDS = 5;

const request = (headers: [string, string][]): IncomingRequest => ({
  method: 'GET',
  uri: '/hello',
  protocol: 'HTTP/1.1',
  remoteAddress: '127.0.0.1',
  remotePort: 40000,
  headers: () => headers,
  hasBody: false,
  readBody: () => Promise.reject(new Error('no body')),
});

// The app: answers at once, so the loop measures the guest and the host, not a handler.
const app: Downstream = async () => ({ status: 200, headers: () => [] });

async function microsPerRequest(handle: () => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 5_000; i++) await handle(); // warm the JIT and the instance
  const rounds: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const start = process.hrtime.bigint();
    for (let i = 0; i < ITERATIONS; i++) await handle();
    rounds.push(Number(process.hrtime.bigint() - start) / ITERATIONS / 1000);
  }
  return rounds.sort((a, b) => a - b)[Math.floor(ROUNDS / 2)]; // the median round
}

const fileBytes = async (path: string) => new Uint8Array(await readFile(new URL(path, import.meta.url)));
const key = headerValidationConfig.apiKeys.checkout;
const rows = [
  { label: 'SDK no-op guest (packages/guest/examples/noop)', bytes: await fileBytes('../../packages/guest/examples/noop.wasm') },
  { label: "the guide's hello.ts: one header test, one header set", bytes: await compileGuideGuest() },
  {
    label: 'header-validation: JSON guestConfig, 2 header reads, key check, 2 header edits',
    bytes: await fileBytes('../header-validation/guest/header-validation.wasm'),
    guestConfig: JSON.stringify(headerValidationConfig),
  },
];
const req = request([['x-api-key', key], ['x-request-id', 'r-1'], ['user-agent', 'measure']]);

const baseline = await microsPerRequest(async () => app(undefined as never));
console.log(`baseline (awaiting the app, no guest): ${baseline.toFixed(2)} µs`);
for (const row of rows) {
  const mw = createMiddleware({ bytes: row.bytes, guestConfig: row.guestConfig });
  await mw.ready;
  const micros = await microsPerRequest(() => mw.handle(req, app));
  console.log(`${row.label}: ${row.bytes.length} bytes, ${micros.toFixed(2)} µs per request (+${(micros - baseline).toFixed(2)} µs)`);
  await mw.close();
}
