/** The guestConfig this example runs with: a quarter of clients try the v2 catalog. */
export const abRoutingConfig = {
  experiment: 'new-catalog',
  percent: 25,
  from: '/v1/',
  to: '/v2/',
  cohortHeader: 'x-cohort',
  cohortCookie: 'cohort',
  stickyBy: ['header:x-user-id', 'cookie:session', 'source'],
  variantHeader: 'x-variant',
};

export type AbRoutingConfig = typeof abRoutingConfig;
