import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { componentToOptions, loadResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const cwd = '/srv/app';

describe('a resources folder and a Configuration with both pipelines', () => {
  const load = () =>
    loadResources({ resources: fixture('pipelines', 'resources'), config: fixture('pipelines', 'config.yaml'), cwd, logger: recordingLogger() });

  it('loads every wasm Component, in file order, with Dapr metadata applied', async () => {
    const { components } = await load();
    // Files are read sorted by name: logger.yml, statestore.yaml, wasm.yaml.
    expect(components.map((c) => c.name)).toEqual(['logger', 'router', 'auth']);
    const router = components.find((c) => c.name === 'router')!;
    expect(router).toEqual({
      name: 'router',
      url: pathToFileURL('/srv/app/router.wasm').href,
      guestConfig: '{"environment":"production"}',
      strictSandbox: true,
      ignoreErrors: false,
      initTimeoutMs: undefined,
      source: { file: fixture('pipelines', 'resources', 'wasm.yaml'), line: 2 },
    });
    const auth = components.find((c) => c.name === 'auth')!;
    expect(auth.url).toBe('https://guests.example.com/auth.wasm');
    expect(auth.initTimeoutMs).toBe(10_000);
    expect(auth.strictSandbox).toBe(false);
    expect(components.find((c) => c.name === 'logger')!.url).toBe('file:///opt/guests/logger.wasm');
  });

  it('orders each pipeline as its handlers are listed', async () => {
    const { httpPipeline, appHttpPipeline } = await load();
    expect(httpPipeline.map((c) => c.name)).toEqual(['auth', 'router']);
    expect(appHttpPipeline.map((c) => c.name)).toEqual(['logger', 'router']);
    // One Component in two pipelines is one object.
    expect(appHttpPipeline[1]).toBe(httpPipeline[1]);
  });

  it('reports Components of other types and documents of other kinds as skipped', async () => {
    const { skipped, configuration } = await load();
    expect(skipped.map((s) => [s.kind, s.name, s.reason])).toEqual([
      ['Subscription', 'orders-subscription', 'other-kind'],
      ['Component', 'statestore', 'other-type'],
    ]);
    expect(skipped[1]!.type).toBe('state.redis');
    expect(configuration).toEqual({ name: 'appconfig', files: [fixture('pipelines', 'config.yaml')] });
  });

  it('gives the adapters their options', async () => {
    const { httpPipeline } = await load();
    expect(httpPipeline.map(componentToOptions)).toEqual([
      { url: 'https://guests.example.com/auth.wasm', guestConfig: '', strictSandbox: false, name: 'auth' },
      { url: pathToFileURL('/srv/app/router.wasm').href, guestConfig: '{"environment":"production"}', strictSandbox: true, name: 'router' },
    ]);
  });

  it('reads neither subfolders nor files without a YAML extension', async () => {
    // resources/nested/broken.yaml does not parse, so reading it would fail the load.
    const logger = recordingLogger();
    await loadResources({ resources: fixture('pipelines', 'resources'), cwd, logger });
    expect(logger.lines).toContainEqual({ level: 0, message: `${fixture('pipelines', 'resources', 'README.md')}: not a YAML file, not loaded` });
  });

  it('loads Components without a Configuration, leaving both pipelines empty', async () => {
    const resources = await loadResources({ resources: fixture('pipelines', 'resources'), cwd, logger: recordingLogger() });
    expect(resources.components).toHaveLength(3);
    expect(resources.httpPipeline).toEqual([]);
    expect(resources.appHttpPipeline).toEqual([]);
    expect(resources.configuration).toBeUndefined();
  });

  it('accepts single files as well as folders', async () => {
    const resources = await loadResources({
      resources: [fixture('pipelines', 'resources', 'wasm.yaml'), fixture('pipelines', 'resources', 'logger.yml')],
      config: fixture('pipelines', 'config.yaml'),
      cwd,
      logger: recordingLogger(),
    });
    expect(resources.components.map((c) => c.name)).toEqual(['router', 'auth', 'logger']);
    expect(resources.appHttpPipeline.map((c) => c.name)).toEqual(['logger', 'router']);
  });
});

describe("the seed article's shape", () => {
  it('reads kind: Middleware with type: middleware.wasm, and a handler of that type', async () => {
    const resources = await loadResources({ resources: fixture('seed', 'resources'), config: fixture('seed', 'config.yaml'), logger: recordingLogger() });
    expect(resources.components).toEqual([
      expect.objectContaining({ name: 'my-wasm-middleware', url: 'file:///components/my-middleware.wasm' }),
    ]);
    expect(resources.httpPipeline.map((c) => c.name)).toEqual(['my-wasm-middleware']);
  });

  it('warns that Dapr itself would not load it', async () => {
    const { warnings } = await loadResources({ resources: fixture('seed', 'resources'), config: fixture('seed', 'config.yaml'), logger: recordingLogger() });
    const messages = warnings.map((w) => w.message);
    expect(messages).toContainEqual(expect.stringContaining('kind: Middleware is read as kind: Component'));
    expect(messages).toContainEqual(expect.stringContaining('type middleware.wasm is read as middleware.http.wasm'));
    expect(messages).toContainEqual(expect.stringContaining('handler "my-wasm-middleware" type middleware.wasm'));
  });
});
