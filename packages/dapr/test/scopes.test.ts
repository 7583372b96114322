import { describe, expect, it } from 'vitest';
import { loadResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const load = (options: { appId?: string; namespace?: string }) =>
  loadResources({ resources: fixture('scopes', 'scoped.yaml'), config: fixture('scopes', 'config.yaml'), cwd: '/srv', logger: recordingLogger(), ...options });

describe('scopes and namespaces', () => {
  it('loads Components without scopes, and those whose scopes list the app id', async () => {
    const { components, httpPipeline } = await load({ appId: 'checkout' });
    expect(components.map((c) => [c.name, c.url])).toEqual([
      ['everyone', 'file:///srv/guests/everyone.wasm'],
      ['shared', 'file:///srv/guests/shared-checkout.wasm'],
      ['production-only', 'file:///srv/guests/production.wasm'],
    ]);
    expect(httpPipeline.map((c) => c.name)).toEqual(['everyone', 'shared', 'production-only']);
  });

  it('lets two Components share a name when scopes keep them apart', async () => {
    const { components } = await load({ appId: 'billing' });
    expect(components.find((c) => c.name === 'shared')!.url).toBe('file:///srv/guests/shared-orders.wasm');
  });

  it('skips a handler whose Component is out of scope, with a warning saying why', async () => {
    const { httpPipeline, skipped, warnings } = await load({ appId: 'checkout' });
    expect(httpPipeline.map((c) => c.name)).not.toContain('orders-only');
    expect(skipped).toContainEqual(expect.objectContaining({ name: 'orders-only', reason: 'out-of-scope', detail: 'scoped to "orders"; the app id is "checkout"' }));
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('handler "orders-only" is left out of the pipeline'));
  });

  it('loads only unscoped Components when no app id is given, as Dapr does', async () => {
    const { components } = await load({});
    expect(components.map((c) => c.name)).toEqual(['everyone', 'production-only']);
  });

  it('with a namespace, skips Components of another namespace and keeps those of none', async () => {
    const staging = await load({ appId: 'orders', namespace: 'staging' });
    expect(staging.components.map((c) => c.name)).toEqual(['everyone', 'shared', 'orders-only']);
    expect(staging.skipped).toContainEqual(expect.objectContaining({ name: 'production-only', reason: 'other-namespace' }));
    const production = await load({ appId: 'orders', namespace: 'production' });
    expect(production.components.map((c) => c.name)).toContain('production-only');
  });
});
