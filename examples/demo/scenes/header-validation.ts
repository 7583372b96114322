/** Scene: the header-validation guest in front of an Express app. */
import { createApp } from '../../header-validation/app.js';
import { headerValidationConfig } from '../../header-validation/config.js';
import { guestLogger } from '../../logging-metadata/app-logger.js';
import { expectThat, type Scene } from '../scene.js';

const key = headerValidationConfig.apiKeys.checkout;

export const headerValidation: Scene = {
  example: 'header-validation',
  framework: 'Express',
  story: 'checks headers before the app runs: 400 for a missing one, 401 for a bad API key',
  start(log) {
    const { app, wasm } = createApp({ logger: guestLogger(log) });
    return { listener: app, wasm };
  },
  steps: [
    {
      send: { path: '/orders' },
      shows: 'no x-request-id: the guest answers 400 with a JSON error, the route never runs',
      check: (s) => expectThat.all(expectThat.status(s, 400), expectThat.includes(s, '"header":"x-request-id"')),
    },
    {
      send: { path: '/orders', headers: { 'x-request-id': 'r-1', 'x-api-key': 'guess' } },
      shows: 'a key that is not configured: 401, and a warning in the app log',
      logLines: 1,
      check: (s) =>
        expectThat.all(
          expectThat.status(s, 401),
          s.logs.some((l) => l.includes('invalid API key')) ? undefined : 'expected a warning about the invalid key',
        ),
    },
    {
      send: { path: '/orders', headers: { 'x-request-id': 'r-1', 'x-api-key': key } },
      shows: 'a valid key: the app learns the client (x-client-id) and never sees the key',
      check: (s) =>
        expectThat.all(expectThat.status(s, 200), expectThat.includes(s, '"client":"checkout"'), expectThat.includes(s, '"sawApiKey":false')),
    },
  ],
  curl: (url) => [
    `curl -i ${url}/orders`,
    `curl -i -H 'x-request-id: 1' -H 'x-api-key: ${key}' ${url}/orders`,
  ],
};
