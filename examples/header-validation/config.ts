/**
 * The guestConfig this example runs with. It is JSON because that is what a Dapr Component's
 * `guestConfig` metadata holds; the guest parses it once, on its first request.
 */
export const headerValidationConfig = {
  required: ['x-request-id'],
  apiKeyHeader: 'x-api-key',
  // Client name -> key. Real keys belong in a secret store (Dapr: secretKeyRef), not in source.
  apiKeys: { checkout: 'ck_demo_7Gq2', reporting: 'rp_demo_M4x9' },
  clientHeader: 'x-client-id',
  exemptPaths: ['/health'],
};

export type HeaderValidationConfig = typeof headerValidationConfig;
