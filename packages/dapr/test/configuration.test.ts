import { describe, expect, it } from 'vitest';
import { loadResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const resources = fixture('config-env', 'components.yaml');

describe('the Configuration file', () => {
  it('is environment-expanded ($VAR and ${VAR}) before it is parsed', async () => {
    const loaded = await loadResources({
      resources,
      config: fixture('config-env', 'config.yaml'),
      env: { CONFIG_NAME: 'from-env', FIRST_HANDLER: 'auth', STRICT_WASM: 'true' },
      logger: recordingLogger(),
    });
    expect(loaded.configuration?.name).toBe('from-env');
    expect(loaded.httpPipeline.map((c) => c.name)).toEqual(['auth', 'router']);
  });

  it('forces strict sandboxing on every wasm Component with spec.wasm.strictSandbox', async () => {
    const loaded = await loadResources({
      resources,
      config: fixture('config-env', 'config.yaml'),
      env: { CONFIG_NAME: 'c', FIRST_HANDLER: 'auth', STRICT_WASM: 'true' },
      logger: recordingLogger(),
    });
    // router sets strictSandbox "false" itself; the Configuration wins, as in Dapr.
    expect(loaded.components.map((c) => [c.name, c.strictSandbox])).toEqual([
      ['router', true],
      ['auth', true],
    ]);
  });

  it('expands an unset variable to the empty string, with a warning', async () => {
    const loaded = await loadResources({
      resources,
      config: fixture('config-env', 'config.yaml'),
      env: { FIRST_HANDLER: 'auth' },
      logger: recordingLogger(),
    });
    expect(loaded.components.every((c) => !c.strictSandbox)).toBe(true);
    expect(loaded.warnings.map((w) => w.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('$CONFIG_NAME is not set'), expect.stringContaining('$STRICT_WASM is not set')]),
    );
  });

  it('lets a later file replace only the sections it sets', async () => {
    const loaded = await loadResources({
      resources,
      config: [fixture('config-env', 'config.yaml'), fixture('config-env', 'override.yaml')],
      env: { CONFIG_NAME: 'base', FIRST_HANDLER: 'auth', STRICT_WASM: 'no' },
      logger: recordingLogger(),
    });
    expect(loaded.configuration).toEqual({ name: 'override', files: [fixture('config-env', 'config.yaml'), fixture('config-env', 'override.yaml')] });
    expect(loaded.httpPipeline.map((c) => c.name)).toEqual(['auth', 'router']);
    expect(loaded.appHttpPipeline.map((c) => c.name)).toEqual(['router']);
    expect(loaded.components.every((c) => !c.strictSandbox)).toBe(true);
  });

  it('skips a missing handler with a warning when missingHandlers is "warn"', async () => {
    const loaded = await loadResources({
      resources: fixture('errors', 'handler-target.yaml'),
      config: fixture('errors', 'config-missing-handler.yaml'),
      missingHandlers: 'warn',
      logger: recordingLogger(),
    });
    expect(loaded.httpPipeline.map((c) => c.name)).toEqual(['router']);
    expect(loaded.warnings).toContainEqual(
      expect.objectContaining({ field: 'spec.httpPipeline.handlers[1]', message: expect.stringContaining('handler "ghost" names no loaded') }),
    );
  });

  it('leaves a non-wasm handler out with a warning when nonWasmHandlers is "warn"', async () => {
    const loaded = await loadResources({
      resources: fixture('errors', 'handler-target.yaml'),
      config: fixture('errors', 'config-non-wasm-handler.yaml'),
      nonWasmHandlers: 'warn',
      logger: recordingLogger(),
    });
    expect(loaded.appHttpPipeline.map((c) => c.name)).toEqual(['router']);
    expect(loaded.warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('type middleware.http.ratelimit'));
  });
});
