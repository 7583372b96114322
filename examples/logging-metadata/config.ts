/** The guestConfig this example runs with: what to log, and at which level. */
export const loggingMetadataConfig = {
  level: 'info',
  headers: ['user-agent', 'x-request-id'],
  includeQuery: false,
  slowMs: 250,
};

export type LoggingMetadataConfig = typeof loggingMetadataConfig;
