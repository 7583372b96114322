/**
 * Guest stdout and stderr reach the logger a line at a time, each tagged with the request it
 * belongs to (`fields.request`), so the output of concurrent requests never mixes: Dapr shares one
 * stdout between them. The guest begins a stdout line in handle_request and ends it in
 * handle_response, with the (deliberately slow, overlapping) app in between.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type { Logger } from '@dapr-wasm/core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { daprWasm } from '../src/express.js';
import { recordingLogger } from './fixtures.js';
import { writeDaprApp } from './support/dapr-app.js';
import { guestPath } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

interface OutputLine {
  message: string;
  stream: unknown;
  request: unknown;
}

const lines: OutputLine[] = [];
const guestLogger: Logger = {
  enabled: () => true,
  log: (_level, message, fields) => void lines.push({ message, stream: fields?.stream, request: fields?.request }),
};

let dir: string;
let served: Served;
let pipeline: ReturnType<typeof daprWasm.pipeline>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-output-'));
  const files = await writeDaprApp(dir, [{ name: 'printer', url: pathToFileURL(guestPath('dapr/per-request-output.wasm')).href }]);
  pipeline = daprWasm.pipeline({ ...files, cwd: dir, logger: recordingLogger(), middleware: { logger: guestLogger } });
  const app = express();
  app.use(pipeline);
  // Every request waits a different time, so requests overlap and finish out of order.
  app.use((req, res) => void setTimeout(() => res.send('ok'), Number(req.query.wait)));
  served = await serve(app);
  await pipeline.ready;
});

afterAll(async () => {
  await served.close();
  await pipeline.close();
  await rm(dir, { recursive: true, force: true });
});

it("keeps each request's output lines whole and tagged with its own id", async () => {
  const uris = Array.from({ length: 24 }, (_, i) => `/r/${i}?wait=${(i * 7) % 23}`);
  const statuses = await Promise.all(uris.map((uri) => fetch(served.url + uri).then((r) => r.status)));
  expect(new Set(statuses)).toEqual(new Set([200]));

  const stdout = lines.filter((l) => l.stream === 'stdout');
  const stderr = lines.filter((l) => l.stream === 'stderr');
  expect(stdout).toHaveLength(uris.length);
  expect(stderr).toHaveLength(uris.length);

  // Each stdout line was written in two halves across the app's await, and still names one URI twice.
  const uriOfRequest = new Map<unknown, string>();
  for (const line of stdout) {
    const match = /^request (\S+) response (\S+)$/.exec(line.message);
    expect(match, line.message).not.toBeNull();
    expect(match![2]).toBe(match![1]);
    expect(uriOfRequest.has(line.request)).toBe(false);
    uriOfRequest.set(line.request, match![1]!);
  }
  expect(new Set(uriOfRequest.values())).toEqual(new Set(uris));
  // The stderr line of a request carries the same id as its stdout line.
  for (const line of stderr) expect(line.message).toBe(`stderr ${uriOfRequest.get(line.request)}`);
  expect([...uriOfRequest.keys()].every((id) => typeof id === 'string' && id !== '')).toBe(true);
});
