/**
 * Where a guest comes from: Dapr's `file://` URLs (`file://router.wasm` is relative to the
 * process's working directory, `file:///srv/router.wasm` absolute), and the GuestLoadError naming
 * the URL when the bytes cannot be had.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMiddleware, GuestLoadError, type DaprWasmError } from '@dapr-wasm/core';
import { readFileSource } from '@dapr-wasm/core/node';
import { daprWasm } from '@dapr-wasm/express';
import { keptLogger } from './quiet-logger.js';
import { MINIMAL_GUEST, wat } from './wat.js';

let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dapr-wasm-source-'));
  const bytes = await wat(MINIMAL_GUEST);
  writeFileSync(join(dir, 'router.wasm'), bytes);
  mkdirSync(join(dir, 'with space'));
  writeFileSync(join(dir, 'with space', 'guest #1.wasm'), bytes);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `body` with the working directory at `cwd`, restored however it ends. */
async function inDirectory<T>(cwd: string, body: () => Promise<T>): Promise<T> {
  const before = process.cwd();
  process.chdir(cwd);
  try {
    return await body();
  } finally {
    process.chdir(before);
  }
}

async function loads(url: string, viaNodeReader: boolean): Promise<void> {
  const mw = createMiddleware({ url, logger: keptLogger(), ...(viaNodeReader ? { readFile: readFileSource } : {}) });
  try {
    await mw.ready;
  } finally {
    await mw.close();
  }
}

async function loadError(url: string): Promise<DaprWasmError> {
  const mw = createMiddleware({ url, logger: keptLogger(), readFile: readFileSource });
  const error = await mw.ready.then(() => undefined, (e: unknown) => e);
  await mw.close();
  expect(error).toBeInstanceOf(GuestLoadError);
  return error as DaprWasmError;
}

describe('guest sources', () => {
  for (const viaNodeReader of [true, false]) {
    const reader = viaNodeReader ? 'the node entry\'s reader' : 'the runtime\'s own reader';
    it(`reads Dapr's file://router.wasm relative to the working directory (${reader})`, async () => {
      await inDirectory(dir, async () => {
        await loads('file://router.wasm', viaNodeReader);
        await loads('file://./router.wasm', viaNodeReader);
      });
      await inDirectory(join(dir, 'with space'), () => loads('file://../router.wasm', viaNodeReader));
    });

    it(`reads an absolute file:/// URL, percent-escapes decoded (${reader})`, async () => {
      await loads(pathToFileURL(join(dir, 'router.wasm')).href, viaNodeReader);
      await loads(pathToFileURL(join(dir, 'with space', 'guest #1.wasm')).href, viaNodeReader);
    });
  }

  it('reads file://router.wasm relative to the working directory through Express', async () => {
    await inDirectory(dir, async () => {
      const middleware = daprWasm({ url: 'file://router.wasm', logger: keptLogger() });
      await expect(middleware.ready).resolves.toBeUndefined();
      await middleware.close();
    });
  });

  it('names the URL of a missing file in a GuestLoadError', async () => {
    const url = 'file://no-such-router.wasm';
    const error = await inDirectory(dir, () => loadError(url));
    expect(error).toMatchObject({ name: 'GuestLoadError', code: 'DAPR_WASM_LOAD', phase: 'load', culprit: url });
    expect(error.message).toContain(url);
    expect(error.message).toMatch(/no such file/);
    const absolute = pathToFileURL(join(dir, 'gone.wasm')).href;
    expect((await loadError(absolute)).message).toContain(absolute);
  });

  it('refuses a directory, an unknown scheme and an HTTP error with a GuestLoadError naming the URL', async () => {
    const directory = pathToFileURL(join(dir, 'with space')).href;
    expect((await loadError(directory)).culprit).toBe(directory);
    const ftp = 'ftp://example.com/router.wasm';
    const unknown = await loadError(ftp);
    expect(unknown.message).toContain(ftp);

    const server = http.createServer((_req, res) => {
      res.statusCode = 404;
      res.end('not here');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/router.wasm`;
      const missing = await loadError(url);
      expect(missing.message).toContain(url);
      expect(missing.message).toMatch(/404/);
    } finally {
      server.close();
    }
  });
});
