/**
 * Which environment variables a Component may read through `envRef`, by Dapr's rules: never one
 * that is empty, contains a space, is `APP_API_TOKEN` or starts with `DAPR_` (compared
 * case-insensitively), because those hold the sidecar's own credentials. When `DAPR_ENV_KEYS` is set
 * (Dapr's injector sets it in Kubernetes), only the space-separated names it lists are allowed.
 */
export function envRefDenial(name: string, env: Readonly<Record<string, string | undefined>>): string | undefined {
  const upper = name.toUpperCase();
  if (upper === '') return 'the name is empty';
  if (upper.includes(' ')) return 'the name contains a space';
  if (upper === 'APP_API_TOKEN' || upper.startsWith('DAPR_')) return 'Dapr never lets components read APP_API_TOKEN or DAPR_* variables';
  const allowlist = env.DAPR_ENV_KEYS?.toUpperCase();
  if (allowlist && !allowlist.split(' ').includes(upper)) return 'it is not listed in DAPR_ENV_KEYS';
  return undefined;
}

/**
 * Whether Dapr's `local.env` secret store may read a variable: the same denylist, without the
 * allowlist (the store does not consult DAPR_ENV_KEYS).
 */
export function envSecretDenied(name: string): boolean {
  const upper = name.toUpperCase();
  return upper === 'APP_API_TOKEN' || upper.startsWith('DAPR_');
}
