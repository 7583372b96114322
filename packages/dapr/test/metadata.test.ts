import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadResources, type DaprResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const cwd = '/srv/app';
const byName = (resources: DaprResources, name: string) => resources.components.find((c) => c.name === name)!;
const load = () => loadResources({ resources: fixture('metadata', 'values.yaml'), cwd, logger: recordingLogger() });

describe('metadata values, as Dapr coerces them', () => {
  it('matches keys case-insensitively', async () => {
    const c = byName(await load(), 'map-config');
    expect(c.url).toBe(pathToFileURL('/srv/app/guests/map.wasm').href);
    expect(c.strictSandbox).toBe(true); // "On" is truthy
  });

  it('turns a YAML map into compact JSON text with sorted keys and HTML escaped, like Go', async () => {
    const c = byName(await load(), 'map-config');
    expect(c.guestConfig).toBe(
      '{"debug":false,"environment":"production","nested":{"a":null,"z":1},"ratio":1.5,"retries":3,"tags":["edge","\\u003cb\\u003e\\u0026co"]}',
    );
    expect(JSON.parse(c.guestConfig).tags[1]).toBe('<b>&co');
  });

  it('turns a list into JSON text and a number or boolean into its text', async () => {
    const resources = await load();
    expect(byName(resources, 'list-config').guestConfig).toBe('[1,"two",3.5]');
    expect(byName(resources, 'scalar-config').guestConfig).toBe('42');
  });

  it('reads YAML 1.1 booleans as Dapr does, then applies its truthy rule', async () => {
    const resources = await load();
    expect(byName(resources, 'scalar-config').strictSandbox).toBe(true); // yes -> "true"
    expect(byName(resources, 'list-config').strictSandbox).toBe(false); // "0"
    expect(byName(resources, 'empty-config').strictSandbox).toBe(false); // unset
  });

  it('reads an empty value as the empty string and warns about keys wasm does not read', async () => {
    const resources = await load();
    expect(byName(resources, 'empty-config').guestConfig).toBe('');
    expect(resources.warnings).toContainEqual(
      expect.objectContaining({ component: 'empty-config', field: 'spec.metadata.poolSize', message: expect.stringContaining('"poolSize" is not a') }),
    );
  });

  it('accepts the legacy path field as a file path, with a deprecation warning', async () => {
    const resources = await load();
    expect(byName(resources, 'legacy-path').url).toBe(pathToFileURL('/srv/app/guests/legacy.wasm').href);
    expect(resources.warnings).toContainEqual(
      expect.objectContaining({ component: 'legacy-path', field: 'spec.metadata.path', message: expect.stringContaining('replaced by "url" in Dapr 1.11') }),
    );
  });
});
