/**
 * The Hono examples run as their READMEs say, and the guest in front rewrites every request to
 * /rewritten, which answers: on Node (@hono/node-server), on Bun (Bun.serve, fetch wrapper) and on
 * Cloudflare Workers (`wrangler dev`, the guest imported as a module).
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bunBinary } from '../../../test/runtimes/runtime-binaries.js';
import { exampleDir, freePort, startExample, type RunningExample } from './example-servers.js';
import { get } from './http.js';

const bin = (example: string, tool: string) => join(exampleDir(example), 'node_modules', '.bin', tool);

const examples: Record<string, () => Promise<RunningExample>> = {
  'hono-node': () => startExample(exampleDir('hono-node'), bin('hono-node', 'tsx'), ['server.ts']),
  'hono-bun': () => startExample(exampleDir('hono-bun'), bunBinary(), ['server.ts']),
  'hono-workers': async () => {
    const [port, inspector] = [await freePort(), await freePort()];
    const args = ['dev', '--ip', '127.0.0.1', '--port', String(port), '--inspector-port', String(inspector), '--show-interactive-dev-session=false'];
    return startExample(exampleDir('hono-workers'), bin('hono-workers', 'wrangler'), args);
  },
};

describe.each(Object.keys(examples))('examples/%s', (name) => {
  let running: RunningExample | undefined;
  afterEach(async () => {
    await running?.stop();
  });

  it('serves /rewritten for any request, tagged x-wasm: 1', async () => {
    running = await examples[name]!();
    const reply = await get(running.url, '/anything?x=1');
    expect(reply.status).toBe(200);
    expect(reply.headers['x-wasm']).toBe('1');
    expect(JSON.parse(reply.body)).toEqual({ route: '/rewritten', path: '/rewritten', url: '/rewritten' });
  }, 40_000);
});
