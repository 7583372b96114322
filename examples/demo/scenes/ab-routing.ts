/** Scene: the ab-routing guest in front of a Hono app, re-dispatching rewritten requests. */
import { getRequestListener } from '@hono/node-server';
import { abRoutingConfig } from '../../ab-routing/config.js';
import { createHonoApp } from '../../ab-routing/hono-app.js';
import { expectThat, type Scene } from '../scene.js';

const USERS = 200;

async function versionFor(url: string, user: string): Promise<number> {
  const res = await fetch(`${url}/v1/products`, { headers: { 'x-user-id': user } });
  return ((await res.json()) as { version: number }).version;
}

export const abRouting: Scene = {
  example: 'ab-routing',
  framework: 'Hono',
  story: `sends ${abRoutingConfig.percent}% of users from /v1/... to /v2/... by URI rewrite, the same users every time`,
  start() {
    const { app, wasm } = createHonoApp();
    return { listener: getRequestListener(app.fetch), wasm };
  },
  steps: [
    {
      send: { path: '/v1/products', headers: { 'x-cohort': 'v2' } },
      shows: 'an explicit cohort wins: the client asked for /v1, the /v2 route answered',
      showHeaders: ['x-variant'],
      check: (s) => expectThat.all(expectThat.includes(s, '"version":2'), expectThat.header(s, 'x-variant', 'v2')),
    },
    {
      send: { path: '/v1/products', headers: { cookie: 'cohort=a' } },
      shows: '... from a cookie too: cohort a stays on v1',
      showHeaders: ['x-variant'],
      check: (s) => expectThat.all(expectThat.includes(s, '"version":1'), expectThat.header(s, 'x-variant', 'v1')),
    },
  ],
  async finale(url) {
    let v2 = 0;
    let sticky = true;
    for (let i = 0; i < USERS; i++) {
      const version = await versionFor(url, `user-${i}`);
      if (version === 2) v2++;
      if (i < 20 && (await versionFor(url, `user-${i}`)) !== version) sticky = false;
    }
    const share = Math.round((v2 / USERS) * 100);
    const shows = `${USERS} users by x-user-id: ${v2} served by v2 (${share}%), each user kept on one version`;
    const low = abRoutingConfig.percent * 0.6;
    const high = abRoutingConfig.percent * 1.4;
    if (!sticky) return { shows, problem: 'a user was moved between versions' };
    if (share < low || share > high) return { shows, problem: `expected about ${abRoutingConfig.percent}%` };
    return { shows };
  },
  curl: (url) => [
    `curl -i -H 'x-user-id: alice' ${url}/v1/products`,
    `curl -i -H 'x-cohort: v2' ${url}/v1/products`,
  ],
};
