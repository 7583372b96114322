/**
 * Proves the runtime launchers: the same Hono app, with a wasm guest on its request path, answers
 * real HTTP on node (HTTP/1.1, HTTP/2 over TLS, h2c), Bun, Deno and workerd, and tells the app where
 * the client is. A shared suite can take any launcher from here and run unchanged.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { fetch, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningApp, StartOptions } from './app-contract.js';
import * as bun from './bun.js';
import * as deno from './deno.js';
import { ANSWER_HEADER } from './fixtures/answer-app.js';
import type { RequestReport } from './fixtures/request-report.js';
import { http2Request } from './http2-request.js';
import { launchers, type RuntimeTraits } from './launchers.js';
import * as nodeHttp2 from './node-http2.js';
import { bunBinary, denoBinary } from './runtime-binaries.js';
import { runtimeTarget } from './runtime-target.js';
import * as workerd from './workerd.js';
import { PROBE_OUTPUT, makeWorkspaceProbe, type WorkspaceProbe } from './workspace-probe.js';

const run = promisify(execFile);
const fixture = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const ANSWER_APP = fixture('answer-app.ts');
const GUESTS = { answer: fixture('answer.wasm') };
const START_HOOK_TIMEOUT_MS = 30_000;

interface Case {
  start: (appEntry: string, options?: StartOptions) => Promise<RunningApp>;
  traits: RuntimeTraits;
}

const cases: Record<string, Case> = {
  ...launchers,
  'node-http2 (h2c)': {
    start: (appEntry, options) => nodeHttp2.start(appEntry, { ...options, transport: 'h2c' }),
    traits: launchers['node-http2'].traits,
  },
};

/** Two `x-lines` field lines, with a client that keeps them apart on the wire. */
async function sendTwoLines(app: RunningApp): Promise<string> {
  if (app.runtime === 'node-http2') {
    return (await http2Request(app.url, '/request/lines', { 'x-lines': ['a', 'b'] }, (app as nodeHttp2.Http2App).ca)).body;
  }
  const res = await request(`${app.url}/request/lines`, { headers: ['x-lines', 'a', 'x-lines', 'b'] });
  return res.body.text();
}

describe.each(Object.entries(cases))('%s', (_name, { start, traits }) => {
  let app: RunningApp;
  beforeAll(async () => {
    app = await start(ANSWER_APP, { guests: GUESTS });
  }, START_HOOK_TIMEOUT_MS);
  afterAll(() => app?.close());

  it('serves a real HTTP request through the wasm middleware', async () => {
    const res = await fetch(`${app.url}/`, { dispatcher: app.dispatcher });
    expect(res.status).toBe(200);
    expect(res.headers.get(ANSWER_HEADER)).toBe('42');
    expect(await res.text()).toBe(`hello from ${app.runtime}`);
  });

  it('tells the app the client address', async () => {
    const res = await fetch(`${app.url}/client`, { dispatcher: app.dispatcher });
    const remote = (await res.json()) as { address?: string; port?: number };
    expect(remote.address).toBe('127.0.0.1');
    if (traits.clientPort) expect(remote.port).toBeGreaterThan(0);
    else expect(remote.port).toBeUndefined();
  });

  it('reports the HTTP version where the runtime exposes it', async () => {
    const res = await fetch(`${app.url}/request/version`, { dispatcher: app.dispatcher });
    const { protocol } = (await res.json()) as RequestReport;
    expect(protocol).toBe(traits.httpVersion ? (app.runtime === 'node-http2' ? 'HTTP/2.0' : 'HTTP/1.1') : null);
  });

  it('keeps repeated header lines apart where the runtime can', async () => {
    const { lines } = JSON.parse(await sendTwoLines(app)) as RequestReport;
    expect(lines).toEqual(traits.distinctHeaderLines ? ['a', 'b'] : ['a, b']);
  });

  it('stops listening once closed', async () => {
    const probe = await start(ANSWER_APP, { guests: GUESTS });
    await probe.close();
    await expect(fetch(`${probe.url}/`, { dispatcher: probe.dispatcher })).rejects.toThrow();
  }, START_HOOK_TIMEOUT_MS);
});

describe.each([
  ['bun', bun.start],
  ['deno', deno.start],
  ['workerd', workerd.start],
] as const)('%s startup failures', (runtime, start) => {
  it('fails with the runtime output when the app factory throws', async () => {
    await expect(start(fixture('failing-app.ts'))).rejects.toThrow(/output ---[\s\S]*guest rejected at startup/);
  });

  it('fails with the resolution error when the app module is missing', async () => {
    await expect(start(fixture('missing-app.ts'))).rejects.toThrow(/missing-app\.ts/);
  });

  // workerd fails a worker whose top-level await is unsettled (and forbids timers in global scope),
  // so only Bun and Deno can hang.
  it.skipIf(runtime === 'workerd')('kills a runtime that does not listen in time', async () => {
    await expect(start(fixture('never-ready-app.ts'), { startupTimeoutMs: 1_500 })).rejects.toThrow(
      new RegExp(`${runtime} did not listen within 1500 ms`),
    );
  });
});

describe('workspace TypeScript packages through node_modules symlinks', () => {
  let probe: WorkspaceProbe;
  beforeAll(async () => {
    probe = await makeWorkspaceProbe();
  });
  afterAll(() => probe?.remove());

  it('bun imports them with no flags', async () => {
    const { stdout } = await run(bunBinary(), [probe.entry], { cwd: probe.dir, timeout: 15_000 });
    expect(stdout.trim()).toBe(PROBE_OUTPUT);
  });

  it('deno imports them with the launcher flags', async () => {
    const args = ['run', ...deno.denoRunFlags([probe.dir]), probe.entry];
    const { stdout } = await run(denoBinary(), args, { cwd: probe.dir, env: { ...process.env, ...deno.DENO_ENV }, timeout: 15_000 });
    expect(stdout.trim()).toBe(PROBE_OUTPUT);
  });

  it('deno needs --sloppy-imports for `./x.js` specifiers naming `.ts` files', async () => {
    const args = ['run', ...deno.denoRunFlags([probe.dir]).filter((f) => f !== '--sloppy-imports'), probe.entry];
    const failed = run(denoBinary(), args, { cwd: probe.dir, env: { ...process.env, ...deno.DENO_ENV, NO_COLOR: '1' }, timeout: 15_000 });
    await expect(failed).rejects.toThrow(/Module not found[\s\S]*answer\.js/);
  });
});

describe.each(Object.entries(launchers))('%s as a harness Target', (runtime, launcher) => {
  const target = runtimeTarget(`hono-${runtime}`, launcher, fixture('backend-app.ts'));

  it('serves the harness tck backend behind the wasm middleware, with the guest config', async () => {
    const app = await target.start({ path: GUESTS.answer }, 'tck', { guestConfig: new Uint8Array([1, 2, 255]) });
    try {
      const res = await fetch(`${app.url}/echo?x=1`, { method: 'PATCH', dispatcher: (app as RunningApp).dispatcher });
      expect(res.headers.get(ANSWER_HEADER)).toBe('42');
      expect(res.headers.get('x-httpwasm-next-method')).toBe('PATCH');
      expect(res.headers.get('x-httpwasm-next-uri')).toBe('/echo?x=1');
      expect(res.headers.get('x-target-guest-config')).toBe('bytes:1,2,255');
    } finally {
      await app.close();
    }
  }, START_HOOK_TIMEOUT_MS);

  it.skipIf(runtime.startsWith('node'))('refuses adapter options that JSON cannot carry into the runtime', async () => {
    await expect(target.start({ path: GUESTS.answer }, 'tck', { adapterOptions: { logger: () => {} } })).rejects.toThrow(
      `config key "logger" (function) cannot reach ${runtime}`,
    );
  });
});
