/** Scene: the router from Dapr's docs, loaded from Dapr Component and Configuration YAML, on Express. */
import { createApp } from '../../dapr-router/app.js';
import { guestLogger } from '../../logging-metadata/app-logger.js';
import { expectThat, type Scene } from '../scene.js';

export const daprRouter: Scene = {
  example: 'dapr-router',
  framework: 'Express',
  story: "Dapr's documented router and e2e rewrite, configured by the YAML a sidecar would read",
  start: (log) => createApp({ logger: guestLogger(log) }).then(({ app, wasm }) => ({ listener: app, wasm })),
  steps: [
    {
      send: { path: '/host/hi?name=panda' },
      shows: 'the guest trims /host, so the app routes the request to /hi',
      check: (s) => expectThat.all(expectThat.status(s, 200), expectThat.includes(s, '"url":"/hi?name=panda"')),
    },
    {
      send: { path: '/v1.0/hi?name=panda' },
      shows: "Dapr's e2e rewrite, in process: the app's /v1.0/hello answers for teddy",
      check: (s) => expectThat.all(expectThat.status(s, 200), expectThat.includes(s, 'hello teddy')),
    },
    {
      send: { path: '/anything/else' },
      shows: 'the guest answers by itself; the app never sees the request',
      check: (s) => expectThat.all(expectThat.status(s, 200), s.text === 'hello' ? undefined : `expected "hello", got ${JSON.stringify(s.text)}`),
    },
  ],
  curl: (url) => [`curl '${url}/host/hi?name=panda'`, `curl '${url}/v1.0/hi?name=panda'`, `curl ${url}/anything`],
};
