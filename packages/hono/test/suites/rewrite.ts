/**
 * A guest's URI rewrite and which Hono route answers it. Hono matches the route before middleware
 * runs, so only re-dispatch (`{ app }`) or the fetch wrapper let a rewrite pick the route; without
 * them the handler sees the rewritten request, but the route already matched answers.
 */
import { expect, it } from 'vitest';
import type { RunningApp } from '../../../../test/runtimes/app-contract.js';
import type { CasesMount, RouteReport } from '../fixtures/cases-app.js';
import { get } from '../http.js';

type Apps = () => Record<CasesMount, RunningApp>;

async function route(app: RunningApp, target: string): Promise<RouteReport & { wasm?: string | string[]; saw?: string | string[] }> {
  const reply = await get(app.url, target);
  expect(reply.status, reply.body).toBe(200);
  return { ...(JSON.parse(reply.body) as RouteReport), wasm: reply.headers['x-wasm'], saw: reply.headers['x-guest-saw-uri'] };
}

export function describeRewrite(apps: Apps): void {
  it('with { app }, the rewrite is dispatched again: the rewritten route answers', async () => {
    const seen = await route(apps().redispatch, '/rewrite/me?x=1');
    expect(seen).toMatchObject({ route: '/moved', path: '/moved', wasm: 'rewritten' });
    expect(new URL(seen.url).pathname + new URL(seen.url).search).toBe('/moved');
  });

  it('with daprWasmFetch, the guest runs before routing: the rewritten route answers', async () => {
    const seen = await route(apps().fetch, '/rewrite/me?x=1');
    expect(seen).toMatchObject({ route: '/moved', path: '/moved', wasm: 'rewritten' });
  });

  it('without { app }, the handler sees the rewritten request but the route matched first answers', async () => {
    const seen = await route(apps().middleware, '/rewrite/me?x=1');
    expect(seen).toMatchObject({ route: '*', path: '/rewrite/me', wasm: 'rewritten' });
    expect(new URL(seen.url).pathname).toBe('/moved');
  });

  it('a second guest sees the request the first one forwarded', async () => {
    const seen = await route(apps().stacked, '/rewrite/me?x=1');
    expect(seen).toMatchObject({ saw: '/moved', wasm: 'rewritten' });
  });

  it('a request the guest leaves alone reaches the route as sent, and the guest saw its target raw', async () => {
    for (const mount of ['redispatch', 'fetch'] as const) {
      const seen = await route(apps()[mount], '/plain/p%20q?x=');
      // Hono's c.req.path is percent-decoded; the guest's get_uri is not.
      expect(seen, mount).toMatchObject({ route: '*', path: '/plain/p q', saw: '/plain/p%20q?x=' });
    }
  });
}
