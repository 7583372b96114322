import { describe, expect, it } from 'vitest';
import { DaprResourceError, loadResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('metadata templates', () => {
  it('fills {appID}, {namespace} as namespace.appId, {podName}, and a fresh {uuid} each time', async () => {
    const { components } = await loadResources({
      resources: fixture('templates'),
      appId: 'checkout',
      namespace: 'shop',
      podName: 'checkout-7d4b9-x2x1z',
      logger: recordingLogger(),
    });
    const [c] = components;
    expect(c!.url).toBe('https://guests.example.com/checkout/guest.wasm');
    const config = JSON.parse(c!.guestConfig) as Record<string, string>;
    expect(config).toMatchObject({ app: 'checkout', ns: 'shop.checkout', pod: 'checkout-7d4b9-x2x1z' });
    expect(config.first).toMatch(uuid);
    expect(config.second).toMatch(uuid);
    expect(config.first).not.toBe(config.second);
  });

  it('fails on {podName} without a pod name, naming the field', async () => {
    const error = await loadResources({ resources: fixture('templates'), appId: 'checkout', logger: recordingLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DaprResourceError);
    expect(error).toMatchObject({ code: 'DAPR_WASM_RESOURCE_TEMPLATE', component: 'templated', field: 'spec.metadata.guestConfig' });
  });

  it('fills {namespace} and {appID} from unset values as Dapr does, with a warning', async () => {
    const { components, warnings } = await loadResources({ resources: fixture('templates'), podName: 'p', logger: recordingLogger() });
    expect(JSON.parse(components[0]!.guestConfig)).toMatchObject({ app: '', ns: '.' });
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('{appID} is filled from an unset appId'));
  });
});
