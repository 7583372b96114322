import { describe, expect, it } from 'vitest';
import { DaprResourceError, envSecretStore, loadResources, type SecretRef } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

const env = {
  GUEST_URL: 'https://guests.example.com/from-secret.wasm',
  GUEST_CONFIG: '{"from":"envRef"}',
  MYAPP_CONFIG: '{"from":"prefixed store"}',
};

describe('secretKeyRef and envRef', () => {
  it('reads a secretKeyRef without auth.secretStore from the environment, and envRef from a variable', async () => {
    const { components } = await loadResources({ resources: fixture('secrets'), env, logger: recordingLogger() });
    const direct = components.find((c) => c.name === 'direct')!;
    expect(direct.url).toBe('https://guests.example.com/from-secret.wasm');
    expect(direct.guestConfig).toBe('{"from":"envRef"}');
  });

  it("uses a secretstores.local.env Component named by auth.secretStore, with its prefix", async () => {
    const { components, skipped } = await loadResources({ resources: fixture('secrets'), env, logger: recordingLogger() });
    expect(components.find((c) => c.name === 'through-store')!.guestConfig).toBe('{"from":"prefixed store"}');
    expect(skipped).toContainEqual(expect.objectContaining({ name: 'envstore', type: 'secretstores.local.env', reason: 'other-type' }));
  });

  it('fails on a store only Dapr can read, naming it', async () => {
    const error = await loadResources({ resources: fixture('secrets-vault'), logger: recordingLogger() }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DaprResourceError);
    expect(error).toMatchObject({ code: 'DAPR_WASM_RESOURCE_SECRET', component: 'vaulted', field: 'spec.metadata.guestConfig' });
    expect((error as Error).message).toContain('secret store "vault" has type secretstores.hashicorp.vault');
  });

  it('asks a pluggable resolver, passing the store, name, key and component', async () => {
    const asked: SecretRef[] = [];
    const { components } = await loadResources({
      resources: fixture('secrets-vault'),
      logger: recordingLogger(),
      secrets: {
        async resolve(ref) {
          asked.push(ref);
          return '{"from":"vault"}';
        },
      },
    });
    expect(asked).toEqual([{ store: 'vault', name: 'wasm-config', key: 'json', component: 'vaulted' }]);
    expect(components[0]!.guestConfig).toBe('{"from":"vault"}');
  });
});

describe('envSecretStore', () => {
  const ref = (name: string, key = name): SecretRef => ({ store: undefined, name, key, component: 'c' });

  it('holds one key per secret, equal to its name, as Dapr local.env does', () => {
    const store = envSecretStore({ env: { TOKEN: 't' } });
    expect(store.resolve(ref('TOKEN'))).toBe('t');
    expect(store.resolve(ref('TOKEN', 'other'))).toBeUndefined();
    expect(store.resolve(ref('MISSING'))).toBeUndefined();
  });

  it('prepends the prefix and refuses the sidecar credentials', () => {
    expect(envSecretStore({ prefix: 'APP_', env: { APP_TOKEN: 'p' } }).resolve(ref('TOKEN'))).toBe('p');
    expect(() => envSecretStore({ env: { DAPR_API_TOKEN: 'x' } }).resolve(ref('DAPR_API_TOKEN'))).toThrow(/forbidden/);
    expect(() => envSecretStore({ env: { APP_API_TOKEN: 'x' } }).resolve(ref('app_api_token'))).toThrow(/forbidden/);
  });
});
