import { envSecretStore, type SecretResolver } from './secret-resolver.js';

/** A secret store Component found among the resources. */
export interface SecretStoreComponent {
  name: string;
  type: string;
  /** Its `prefix` metadata, for `secretstores.local.env`. */
  prefix: string;
}

export const LOCAL_ENV_SECRET_STORE = 'secretstores.local.env';

/**
 * The resolver used when the caller passes none. It reads environment variables, the one store that
 * needs no other service:
 * - a Component without `auth.secretStore` reads them directly (Dapr self-hosted would find no store);
 * - `auth.secretStore` naming a `secretstores.local.env` Component reads them with that store's prefix;
 * - any other store is refused with an error asking for a `secrets` resolver.
 */
export function defaultSecretResolver(
  stores: ReadonlyMap<string, SecretStoreComponent>,
  env: Readonly<Record<string, string | undefined>>,
): SecretResolver {
  return {
    resolve(ref) {
      if (ref.store === undefined) return envSecretStore({ env }).resolve(ref);
      const store = stores.get(ref.store);
      if (!store) {
        throw new Error(`no secret store Component named "${ref.store}" was found among the resources; pass a \`secrets\` resolver to read it`);
      }
      if (store.type !== LOCAL_ENV_SECRET_STORE) {
        throw new Error(`secret store "${ref.store}" has type ${store.type}, which only Dapr can read; pass a \`secrets\` resolver for it`);
      }
      return envSecretStore({ env, prefix: store.prefix }).resolve(ref);
    },
  };
}
