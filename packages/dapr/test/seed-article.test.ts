/**
 * The seed article's shapes, end to end: `kind: Middleware`, `type: middleware.wasm`, listed in
 * the Configuration's httpPipeline. The guest rewrites every request to /rewritten and tags the
 * response with `x-wasm: 1`.
 */
import express from 'express';
import { describe, expect, it } from 'vitest';
import { daprWasm } from '../src/express.js';
import { fixture, recordingLogger } from './fixtures.js';
import { repoRoot } from './support/guests.js';
import { serve } from './support/serve.js';

const seed = { resources: fixture('mount', 'seed', 'components'), config: fixture('mount', 'seed', 'config.yaml'), cwd: repoRoot };

async function mount(options: Parameters<typeof daprWasm.pipeline>[0]) {
  const app = express();
  const pipeline = daprWasm.pipeline(options);
  app.use(pipeline);
  app.get('/rewritten', (_req, res) => res.send('rewritten'));
  app.use((req, res) => res.status(404).send(`not rewritten: ${req.url}`));
  const served = await serve(app);
  return { pipeline, served };
}

describe("the seed article's resources", () => {
  it('run when its httpPipeline is mounted', async () => {
    const logger = recordingLogger();
    const { pipeline, served } = await mount({ ...seed, pipeline: 'httpPipeline', logger });
    try {
      await pipeline.ready;
      const res = await fetch(served.url + '/anything?q=1');
      expect(res.status).toBe(200);
      expect(res.headers.get('x-wasm')).toBe('1');
      expect(await res.text()).toBe('rewritten');
      const messages = logger.lines.map((l) => l.message);
      expect(messages).toContainEqual(expect.stringContaining('kind: Middleware is read as kind: Component'));
      expect(messages).toContainEqual(expect.stringContaining('type middleware.wasm is read as middleware.http.wasm'));
    } finally {
      await served.close();
      await pipeline.close();
    }
  });

  it('say how to run them when the default appHttpPipeline is empty', async () => {
    const logger = recordingLogger();
    const { pipeline, served } = await mount({ ...seed, logger });
    try {
      await pipeline.ready;
      expect(pipeline.components()).toEqual([]);
      expect((await fetch(served.url + '/anything')).status).toBe(404);
      expect(logger.lines).toContainEqual({
        level: 1,
        message: "the Configuration's appHttpPipeline is empty but its httpPipeline lists my-wasm-middleware; pass pipeline: 'httpPipeline' to run those",
      });
    } finally {
      await served.close();
      await pipeline.close();
    }
  });
});
