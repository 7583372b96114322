/**
 * Starting a mounted pipeline: `ready` rejects naming the Component and URL that failed, requests
 * meanwhile fail closed, `ignoreErrors` leaves a broken guest out, and the Component's Dapr fields
 * (strictSandbox) reach the guest.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { daprWasm } from '../src/express.js';
import { COMPONENT_ERROR_CODES, DaprComponentError, type DaprPipelineOptions } from '../src/index.js';
import { recordingLogger } from './fixtures.js';
import { writeDaprApp, type ComponentSpec } from './support/dapr-app.js';
import { guestBytes, guestPath } from './support/guests.js';
import { startModuleOrigin } from './support/module-origin.js';
import { serve } from './support/serve.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-startup-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const fileUrl = (guest: string) => pathToFileURL(guestPath(guest)).href;

async function mounted(components: ComponentSpec[], extra: Partial<DaprPipelineOptions> = {}) {
  const files = await writeDaprApp(dir, components);
  const logger = recordingLogger();
  const pipeline = daprWasm.pipeline({ ...files, cwd: dir, logger, modules: { cacheDir: false }, ...extra });
  const app = express();
  app.use(pipeline);
  app.use((_req, res) => res.send('app'));
  const served = await serve(app);
  return {
    pipeline,
    logger,
    url: served.url,
    close: async () => {
      await served.close();
      await pipeline.close();
    },
  };
}

describe('a pipeline that cannot start', () => {
  it('rejects ready naming the Component and URL, and fails requests closed', async () => {
    const url = pathToFileURL(join(dir, 'nowhere.wasm')).href;
    const m = await mounted([{ name: 'tag', url: fileUrl('pipeline/tag.wasm') }, { name: 'gone', url }]);
    try {
      const error = await m.pipeline.ready.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DaprComponentError);
      expect(error).toMatchObject({ code: COMPONENT_ERROR_CODES.NOT_FOUND, component: 'gone', url });
      expect((error as Error).message).toBe(`component "gone" (${url}): no such file ${join(dir, 'nowhere.wasm')}`);
      const res = await fetch(m.url + '/');
      expect(res.status).toBe(500);
      expect(await res.text()).not.toContain('app');
      expect(m.logger.lines.map((l) => l.message)).toContainEqual(expect.stringContaining('the Dapr pipeline did not start: component "gone"'));
    } finally {
      await m.close();
    }
  });

  it('rejects ready when a guest does not compile, with the export at fault', async () => {
    const url = fileUrl('dapr/no-handle-response.wasm');
    const m = await mounted([{ name: 'broken', url }]);
    try {
      const error = (await m.pipeline.ready.catch((e: unknown) => e)) as DaprComponentError;
      expect(error).toMatchObject({ code: COMPONENT_ERROR_CODES.START, component: 'broken', url });
      expect(error.message).toContain('handle_response');
      expect((error.cause as { code?: string }).code).toBe('DAPR_WASM_COMPILE');
    } finally {
      await m.close();
    }
  });

  it('rejects ready when a module is not wasm', async () => {
    const url = fileUrl('dapr/stamp-v1.wat');
    const m = await mounted([{ name: 'source', url }]);
    try {
      await expect(m.pipeline.ready).rejects.toMatchObject({ code: COMPONENT_ERROR_CODES.NOT_WASM, component: 'source' });
    } finally {
      await m.close();
    }
  });
});

describe('spec.ignoreErrors', () => {
  it('leaves a guest that does not compile out of the pipeline, with a warning', async () => {
    const m = await mounted([
      { name: 'broken', url: fileUrl('dapr/no-handle-response.wasm'), ignoreErrors: true },
      { name: 'stamp', url: fileUrl('dapr/stamp-v1.wasm') },
    ]);
    try {
      await m.pipeline.ready;
      expect(m.pipeline.components().map((c) => c.name)).toEqual(['stamp']);
      expect(await (await fetch(m.url + '/')).text()).toBe('app|v1');
      expect(m.logger.lines.map((l) => l.message)).toContainEqual(expect.stringContaining('component "broken": ignoreErrors is set'));
    } finally {
      await m.close();
    }
  });
});

describe("a Component's Dapr fields", () => {
  it('strictSandbox gives the guest the fixed clock', async () => {
    // The WASI command guest reports the wall clock it read in _start; strictSandbox starts it at 2022-01-01.
    const m = await mounted([{ name: 'wasi', url: fileUrl('conformance/wasi-command.wasm'), strictSandbox: 'true' }]);
    try {
      await m.pipeline.ready;
      expect(await (await fetch(m.url + '/')).text()).toContain('realtime=1640995200001000000\n');
    } finally {
      await m.close();
    }
  });

  it('initTimeoutMs bounds starting a guest whose Component sets no initTimeout', async () => {
    const origin = await startModuleOrigin(guestBytes('dapr/stamp-v1.wasm'));
    const m = await mounted([{ name: 'slow', url: `${origin.url}/hang.wasm` }], { initTimeoutMs: 100 });
    try {
      await expect(m.pipeline.ready).rejects.toMatchObject({ code: COMPONENT_ERROR_CODES.INIT_TIMEOUT, component: 'slow' });
    } finally {
      await m.close();
      await origin.close();
    }
  });
});
