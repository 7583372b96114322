/** Scene: the modify-request-response guest in front of an Express app. */
import { createApp } from '../../modify-request-response/app.js';
import { expectThat, type Scene } from '../scene.js';

export const modifyRequestResponse: Scene = {
  example: 'modify-request-response',
  framework: 'Express',
  story: 'edits headers both ways, rewrites JSON responses and masks secrets in bodies',
  start() {
    const { app, wasm } = createApp();
    return { listener: app, wasm };
  },
  steps: [
    {
      send: { path: '/account', headers: { 'x-debug-token': 't-1' } },
      shows: 'internalId removed, apiVersion added, the secret masked; x-powered-by gone, nosniff added',
      showHeaders: ['x-powered-by', 'x-content-type-options'],
      check: (s) =>
        expectThat.all(
          expectThat.status(s, 200),
          expectThat.excludes(s, 'internalId'),
          expectThat.includes(s, '"apiVersion":"2"'),
          expectThat.includes(s, 'token *** rotated'),
          expectThat.includes(s, '"forwardedBy":"dapr-wasm"'),
          expectThat.includes(s, '"debugToken":null'),
          expectThat.header(s, 'x-powered-by', null),
          expectThat.header(s, 'x-content-type-options', 'nosniff'),
        ),
    },
    {
      send: {
        method: 'POST',
        path: '/echo',
        headers: { 'content-type': 'application/json' },
        body: '{"user":"ada","password":"hunter2"}',
      },
      shows: 'the request body is masked before the app parses it',
      check: (s) => expectThat.all(expectThat.status(s, 200), expectThat.includes(s, '"password":"***"'), expectThat.excludes(s, 'hunter2')),
    },
  ],
  curl: (url) => [`curl -i ${url}/account`, `curl -H 'content-type: application/json' -d '{"password":"hunter2"}' ${url}/echo`],
};
