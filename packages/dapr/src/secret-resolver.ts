import { envSecretDenied } from './env-access.js';

/** A `secretKeyRef` to resolve, with the Component it came from. */
export interface SecretRef {
  /** `auth.secretStore` of the Component, when it names one. */
  store: string | undefined;
  /** `secretKeyRef.name`: the secret. */
  name: string;
  /** `secretKeyRef.key`: the field inside the secret. Dapr uses the secret's name when none is given. */
  key: string;
  /** `metadata.name` of the Component asking. */
  component: string;
}

/**
 * Looks up secrets for `secretKeyRef` metadata values. Return the value, or `undefined` (or the empty
 * string, which Dapr treats the same) when there is no such secret; throw to explain a refusal.
 */
export interface SecretResolver {
  resolve(ref: SecretRef): string | undefined | Promise<string | undefined>;
}

export interface EnvSecretStoreOptions {
  /** Dapr's `prefix` metadata: prepended to the secret name to form the variable name. */
  prefix?: string;
  /** @default process.env */
  env?: Readonly<Record<string, string | undefined>>;
}

/**
 * Dapr's `secretstores.local.env`: the secret `name` is read from the environment variable
 * `prefix + name`, and the secret holds one key, equal to its name. So a `secretKeyRef` whose `key`
 * differs from its `name` finds nothing, exactly as in Dapr.
 */
export function envSecretStore(options: EnvSecretStoreOptions = {}): SecretResolver {
  const prefix = options.prefix ?? '';
  const env = options.env ?? process.env;
  return {
    resolve({ name, key }) {
      const variable = prefix + name;
      if (envSecretDenied(variable)) {
        throw new Error(`access to the environment variable ${variable} is forbidden (APP_API_TOKEN and DAPR_* hold the sidecar's credentials)`);
      }
      if (key !== name) return undefined;
      return env[variable];
    },
  };
}
