/**
 * Guest modules from http(s) URLs, served by a local origin: every way a download fails gives a
 * startup error naming the Component and the URL, and the on-disk cache lets a restart work while
 * the origin is down.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  COMPONENT_ERROR_CODES, DaprComponentError, DaprResourceError, loadPipeline, type LoadPipelineOptions, type ModuleSourceOptions,
} from '../src/index.js';
import { recordingLogger } from './fixtures.js';
import { writeDaprApp, type ComponentSpec } from './support/dapr-app.js';
import { guestBytes } from './support/guests.js';
import { ORIGIN_MAX_BYTES, startModuleOrigin, type ModuleOrigin } from './support/module-origin.js';
import { sha256Hex } from '../src/modules/module-digest.js';

const v1 = guestBytes('dapr/stamp-v1.wasm');
const v2 = guestBytes('dapr/stamp-v2.wasm');
let origin: ModuleOrigin;
let dir: string;
let cacheDir: string;

beforeAll(async () => {
  origin = await startModuleOrigin(v1);
});
afterAll(() => origin.close());
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-remote-'));
  cacheDir = join(dir, 'cache');
  origin.setModule(v1);
  origin.requests.length = 0;
});
afterEach(() => rm(dir, { recursive: true, force: true }));

async function load(component: Partial<ComponentSpec> & { path?: string }, modules: ModuleSourceOptions = {}, extra: Partial<LoadPipelineOptions> = {}) {
  const { path = '/module.wasm', ...spec } = component;
  const files = await writeDaprApp(dir, [{ name: 'remote', url: origin.url + path, ...spec }]);
  const logger = recordingLogger();
  const loaded = await loadPipeline({ ...files, cwd: dir, logger, modules: { cacheDir, readTimeoutMs: 300, maxModuleBytes: ORIGIN_MAX_BYTES, ...modules }, ...extra });
  return { loaded, logger };
}

async function failure(component: Partial<ComponentSpec> & { path?: string }, modules: ModuleSourceOptions = {}): Promise<DaprComponentError> {
  const error = await load(component, modules).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DaprComponentError);
  const e = error as DaprComponentError;
  const url = origin.url + (component.path ?? '/module.wasm');
  expect(e.component).toBe('remote');
  expect(e.url).toBe(url);
  expect(e.message.startsWith(`component "remote" (${url}): `)).toBe(true);
  return e;
}

describe('a module from an http URL', () => {
  it('is downloaded and handed over as bytes, in the core options', async () => {
    const { loaded } = await load({ guestConfig: 'cfg' });
    const [guest] = loaded.guests;
    expect(guest!.module.origin).toBe('network');
    expect(Buffer.from(guest!.module.bytes).equals(v1)).toBe(true);
    expect(guest!.module.sha256).toBe(sha256Hex(v1));
    expect(guest!.options).toMatchObject({ name: 'remote', guestConfig: 'cfg', strictSandbox: false });
    expect(guest!.options.bytes).toBe(guest!.module.bytes);
  });

  it('is revalidated with its ETag on the next start, and taken from the cache on 304', async () => {
    await load({});
    const { loaded } = await load({});
    expect(loaded.guests[0]!.module.origin).toBe('revalidated');
    expect(origin.requests.map((r) => r.ifNoneMatch !== undefined)).toEqual([false, true]);
  });

  it('is downloaded again when the origin has a new version', async () => {
    await load({});
    origin.setModule(v2);
    const { loaded } = await load({});
    expect(loaded.guests[0]!.module.origin).toBe('network');
    expect(loaded.guests[0]!.module.sha256).toBe(sha256Hex(v2));
  });

  it('starts from the cache, with a warning, when the origin is down', async () => {
    const files = await writeDaprApp(dir, [{ name: 'remote', url: origin.url + '/module.wasm' }]);
    const options = { ...files, cwd: dir, modules: { cacheDir, readTimeoutMs: 300 } };
    await loadPipeline({ ...options, logger: recordingLogger() });
    await origin.close();
    try {
      const logger = recordingLogger();
      const loaded = await loadPipeline({ ...options, logger });
      expect(loaded.guests[0]!.module.origin).toBe('cache');
      expect(Buffer.from(loaded.guests[0]!.module.bytes).equals(v1)).toBe(true);
      expect(logger.lines.map((l) => l.message)).toContainEqual(expect.stringMatching(/connection refused; starting with the copy cached at \d{4}-/));
    } finally {
      origin = await startModuleOrigin(v1);
    }
  });

  it('starts from the cache, with a warning, when the origin answers 5xx', async () => {
    await load({});
    origin.setModule(503);
    const { loaded, logger } = await load({});
    expect(loaded.guests[0]!.module.origin).toBe('cache');
    expect(logger.lines.map((l) => l.message)).toContainEqual(expect.stringContaining('HTTP 503; expected 200; starting with the copy cached at'));
  });

  it('is not taken from the cache when the origin answers 404: it said the module is gone', async () => {
    await load({});
    origin.setModule(404);
    const e = await failure({});
    expect(e.code).toBe(COMPONENT_ERROR_CODES.NOT_FOUND);
  });

  it('is taken from the cache without asking the origin when it matches its pin', async () => {
    await load({ sha256: sha256Hex(v1) });
    const { loaded } = await load({ sha256: sha256Hex(v1) });
    expect(loaded.guests[0]!.module.origin).toBe('cache');
    expect(origin.requests).toHaveLength(1);
  });

  it('follows redirects up to maxRedirects', async () => {
    const { loaded } = await load({ path: '/hops/3.wasm' }, { maxRedirects: 3 });
    expect(loaded.guests[0]!.module.sha256).toBe(sha256Hex(v1));
  });
});

describe('a download that fails says why, naming the Component and the URL', () => {
  it('404', async () => {
    const e = await failure({ path: '/missing.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.NOT_FOUND);
    expect(e.status).toBe(404);
    expect(e.message).toContain('HTTP 404');
  });

  it('another status', async () => {
    const e = await failure({ path: '/broken.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.HTTP_STATUS);
    expect(e.message).toContain('HTTP 503');
  });

  it('no response in time', async () => {
    const started = Date.now();
    const e = await failure({ path: '/hang.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.TIMEOUT);
    expect(e.message).toContain('no response within readTimeoutMs (300 ms)');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('a body that stalls', async () => {
    const e = await failure({ path: '/stall.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.TIMEOUT);
    expect(e.message).toContain('the body stalled for more than readTimeoutMs (300 ms)');
  });

  it('initTimeout shorter than the download', async () => {
    const started = Date.now();
    const e = await failure({ path: '/hang.wasm', initTimeout: '150ms' }, { readTimeoutMs: 30_000 });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.INIT_TIMEOUT);
    expect(e.message).toContain('longer than initTimeout (150 ms)');
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it('too large, by Content-Length', async () => {
    const e = await failure({ path: '/big.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.TOO_LARGE);
    expect(e.message).toContain(`Content-Length ${ORIGIN_MAX_BYTES + 1} exceeds maxModuleBytes (${ORIGIN_MAX_BYTES})`);
  });

  it('too large, while reading a body of unknown length', async () => {
    const e = await failure({ path: '/big-chunked.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.TOO_LARGE);
    expect(e.message).toContain(`more than maxModuleBytes (${ORIGIN_MAX_BYTES}) bytes arrived`);
  });

  it('a digest other than the pinned one', async () => {
    const e = await failure({ sha256: sha256Hex(v2) });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.DIGEST);
    expect(e.message).toContain(`the module is ${sha256Hex(v1)}, the pin says ${sha256Hex(v2)}; refusing it`);
  });

  it('a digest other than the one pinned by option', async () => {
    const e = await failure({}, { sha256: { remote: `sha256:${sha256Hex(v2)}` } });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.DIGEST);
  });

  it('a redirect loop', async () => {
    const e = await failure({ path: '/loop-a.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.REDIRECT);
    expect(e.message).toContain(`redirect loop: ${origin.url}/loop-a.wasm -> ${origin.url}/loop-b.wasm -> ${origin.url}/loop-a.wasm`);
  });

  it('more redirects than maxRedirects', async () => {
    const e = await failure({ path: '/hops/3.wasm' }, { maxRedirects: 2 });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.REDIRECT);
    expect(e.message).toContain('more than maxRedirects (2) redirects');
  });

  it('a redirect without Location', async () => {
    const e = await failure({ path: '/no-location.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.REDIRECT);
    expect(e.message).toContain('has no Location header');
  });

  it('not a WebAssembly module', async () => {
    const e = await failure({ path: '/page.wasm' });
    expect(e.code).toBe(COMPONENT_ERROR_CODES.NOT_WASM);
    expect(e.message).toContain('not a WebAssembly module: no \\0asm header (it starts with "<!doctype html><title>Sign in</t")');
  });

  it('a refused connection, with nothing cached', async () => {
    const gone = await startModuleOrigin(v1);
    await gone.close();
    const files = await writeDaprApp(dir, [{ name: 'remote', url: `${gone.url}/module.wasm` }]);
    const error = await loadPipeline({ ...files, cwd: dir, logger: recordingLogger(), modules: { cacheDir } }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: COMPONENT_ERROR_CODES.CONNECT, component: 'remote', url: `${gone.url}/module.wasm` });
    expect((error as Error).message).toContain('connection refused');
  });
});

describe('spec.ignoreErrors on a module that fails to load', () => {
  it('leaves the Component out with a warning, and keeps the others', async () => {
    const files = await writeDaprApp(dir, [
      { name: 'optional', url: origin.url + '/missing.wasm', ignoreErrors: true },
      { name: 'required', url: origin.url + '/module.wasm' },
    ]);
    const logger = recordingLogger();
    const loaded = await loadPipeline({ ...files, cwd: dir, logger, modules: { cacheDir } });
    expect(loaded.guests.map((g) => g.component.name)).toEqual(['required']);
    expect(loaded.failed.map((f) => [f.component.name, (f.error as DaprComponentError).code])).toEqual([['optional', COMPONENT_ERROR_CODES.NOT_FOUND]]);
    expect(logger.lines.map((l) => l.message)).toContainEqual(expect.stringContaining('component "optional": ignoreErrors is set, so the Component is left out'));
  });
});

describe('the sha256 metadata field', () => {
  it('must be a digest', async () => {
    const files = await writeDaprApp(dir, [{ name: 'remote', url: origin.url + '/module.wasm', sha256: 'abc' }]);
    const error = await loadPipeline({ ...files, cwd: dir, logger: recordingLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DaprResourceError);
    expect(error).toMatchObject({ code: 'DAPR_WASM_RESOURCE_FIELD', component: 'remote', field: 'spec.metadata.sha256' });
  });

  it('accepts sha256sum hex, sha256:<hex> and Subresource Integrity spellings', async () => {
    const hex = sha256Hex(v1);
    for (const pin of [hex.toUpperCase(), `sha256:${hex}`, `sha256-${Buffer.from(hex, 'hex').toString('base64')}`]) {
      const { loaded } = await load({ sha256: pin });
      expect(loaded.guests[0]!.component.sha256).toBe(hex);
    }
  });
});
