/** Scene: the logging-metadata guest in front of a Koa app, writing to the app's logger. */
import { createKoaApp } from '../../logging-metadata/koa-app.js';
import { expectThat, type Scene } from '../scene.js';

export const loggingMetadata: Scene = {
  example: 'logging-metadata',
  framework: 'Koa',
  story: "writes an access log through the app's logger: request line and headers in, status and time out",
  start(log) {
    const { app, wasm } = createKoaApp({ log });
    return { listener: app.callback(), wasm };
  },
  steps: [
    {
      send: { path: '/orders?page=2', headers: { 'x-request-id': 'r-7', 'user-agent': 'demo' } },
      shows: 'two lines in the app log; the query is left out (it may hold personal data)',
      logLines: 2,
      check: (s) =>
        expectThat.all(
          expectThat.status(s, 200),
          s.logs[0] === 'info --> GET /orders user-agent="demo" x-request-id="r-7"' ? undefined : `unexpected first line ${s.logs[0]}`,
          /^info <-- GET \/orders 200 \d+\.\d{3}ms$/.test(s.logs[1] ?? '') ? undefined : `unexpected second line ${s.logs[1]}`,
        ),
    },
    {
      send: { path: '/report', headers: { 'user-agent': 'demo' } },
      shows: 'a route taking 300 ms: timed with the WASI clock, logged at warn as slow',
      logLines: 2,
      check: (s) => (/^warn <-- GET \/report 200 \d+\.\d{3}ms slow$/.test(s.logs[1] ?? '') ? undefined : `unexpected line ${s.logs[1]}`),
    },
  ],
  curl: (url) => [`curl -H 'x-request-id: r-1' ${url}/orders   # the lines appear in this terminal`],
};
