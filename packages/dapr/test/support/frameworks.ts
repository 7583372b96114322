/**
 * The same small app on each framework, behind a Dapr pipeline mounted in one line. Every route
 * answers `order=<x-order field lines, comma-joined>;`, after `?delay=<ms>` if asked, so a test
 * reads the pipeline's order (and a buffering guest's additions) from the body.
 */
import { createAdaptorServer } from '@hono/node-server';
import express from 'express';
import { Hono } from 'hono';
import Koa from 'koa';
import { daprWasm as expressDaprWasm } from '../../src/express.js';
import { daprPipelineFetch, daprWasm as honoDaprWasm } from '../../src/hono.js';
import { daprWasm as koaDaprWasm } from '../../src/koa.js';
import type { DaprPipelineOptions, PipelineControls } from '../../src/index.js';
import { serve, type Served } from './serve.js';

export interface MountedApp extends Served {
  readonly pipeline: PipelineControls;
}

export interface Framework {
  readonly name: string;
  mount(options: DaprPipelineOptions): Promise<MountedApp>;
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const delayOf = (url: string) => Number(new URL(url, 'http://x').searchParams.get('delay') ?? 0);
const answer = (lines: readonly string[] | undefined) => `order=${(lines ?? []).join(',')};`;

async function served(listener: Parameters<typeof serve>[0], pipeline: PipelineControls): Promise<MountedApp> {
  const s = await serve(listener);
  return {
    ...s,
    pipeline,
    close: async () => {
      await s.close();
      await pipeline.close();
    },
  };
}

function honoApp(): Hono {
  const app = new Hono();
  app.all('*', async (c) => {
    await pause(delayOf(c.req.url));
    // Web Headers join field lines with ", "; split them back to compare with Node's frameworks.
    return c.text(answer(c.req.header('x-order')?.split(/,\s*/)));
  });
  return app;
}

export const frameworks: readonly Framework[] = [
  {
    name: 'express',
    async mount(options) {
      const app = express();
      const pipeline = expressDaprWasm.pipeline(options);
      app.use(pipeline);
      app.use(async (req, res) => {
        await pause(delayOf(req.url));
        res.send(answer(req.headersDistinct['x-order']));
      });
      return served(app, pipeline);
    },
  },
  {
    name: 'koa',
    async mount(options) {
      const app = new Koa();
      const pipeline = koaDaprWasm.pipeline(options);
      app.use(pipeline);
      app.use(async (ctx) => {
        await pause(delayOf(ctx.url));
        ctx.body = answer(ctx.req.headersDistinct['x-order']);
      });
      return served(app.callback(), pipeline);
    },
  },
  {
    name: 'hono',
    async mount(options) {
      const app = new Hono();
      const pipeline = honoDaprWasm.pipeline({ ...options, app });
      app.use(pipeline);
      app.route('/', honoApp());
      return served(createAdaptorServer({ fetch: app.fetch }) as Parameters<typeof serve>[0], pipeline);
    },
  },
  {
    name: 'hono (fetch)',
    async mount(options) {
      const fetch = daprPipelineFetch(honoApp(), options);
      return served(createAdaptorServer({ fetch }) as Parameters<typeof serve>[0], fetch);
    },
  },
];
