/**
 * The framework-neutral step: loadPipeline gives each guest of one pipeline, in handler order, as
 * the core's middleware options with the module's bytes, ready for any adapter or for an outbound
 * client (httpPipeline).
 */
import { createMiddleware } from '@dapr-wasm/core';
import { describe, expect, it } from 'vitest';
import { daprWasm } from '../src/express.js';
import { loadPipeline } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';
import { guestBytes, repoRoot } from './support/guests.js';

const options = {
  resources: fixture('mount', 'tags', 'components'),
  config: fixture('mount', 'tags', 'both-pipelines.yaml'),
  cwd: repoRoot,
  logger: recordingLogger(),
};

describe('loadPipeline', () => {
  it('gives the appHttpPipeline by default, in handler order', async () => {
    const loaded = await loadPipeline(options);
    expect(loaded.name).toBe('appHttpPipeline');
    expect(loaded.guests.map((g) => [g.component.name, g.options.guestConfig])).toEqual([
      ['tag-a', 'A'],
      ['tag-b', 'B'],
    ]);
  });

  it('gives the httpPipeline when asked, for an outbound client', async () => {
    const loaded = await loadPipeline({ ...options, pipeline: 'httpPipeline', middleware: { poolSize: 4, failurePolicy: 'open' } });
    expect(loaded.name).toBe('httpPipeline');
    expect(loaded.guests.map((g) => g.component.name)).toEqual(['tag-b', 'tag-a']);
    const [first] = loaded.guests;
    expect(first!.options).toMatchObject({ name: 'tag-b', guestConfig: 'B', strictSandbox: false, poolSize: 4, failurePolicy: 'open' });
    expect(Buffer.from(first!.options.bytes as Uint8Array).equals(guestBytes('pipeline/tag.wasm'))).toBe(true);
    expect(first!.module.origin).toBe('file');
  });

  it("hands options the core's createMiddleware takes as they are", async () => {
    const { guests } = await loadPipeline(options);
    const middleware = guests.map((g) => createMiddleware(g.options));
    try {
      await Promise.all(middleware.map((m) => m.ready));
      expect(middleware.map((m) => m.name)).toEqual(['tag-a', 'tag-b']);
    } finally {
      await Promise.all(middleware.map((m) => m.close()));
    }
  });

  it('refuses a pipeline name Dapr does not have; a mounted pipeline, where it is created', async () => {
    const message = "pipeline must be 'appHttpPipeline' or 'httpPipeline', got \"outbound\"";
    await expect(loadPipeline({ ...options, pipeline: 'outbound' as never })).rejects.toThrow(message);
    expect(() => daprWasm.pipeline({ ...options, pipeline: 'outbound' as never })).toThrow(message);
    expect(() => daprWasm.pipeline({ ...options, watch: { debounceMs: -1 } })).toThrow('watch.debounceMs must be an integer >= 0, got -1');
  });
});
