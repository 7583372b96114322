// The ab-routing example over real HTTP, on Express and on Hono (where the rewrite must
// re-dispatch through the app to reach the /v2 route).
import { getRequestListener } from '@hono/node-server';
import { describe, expect, it } from 'vitest';
import { createApp, guestUrl, type AbRoutingOptions } from '../../examples/ab-routing/app.js';
import { abRoutingConfig } from '../../examples/ab-routing/config.js';
import { createHonoApp } from '../../examples/ab-routing/hono-app.js';
import { assertBuilt } from './built-guest.js';
import { serveExample, type StartedApp } from './frameworks.js';

assertBuilt(guestUrl);

type Start = (options?: AbRoutingOptions) => StartedApp;
const frameworks: [string, Start][] = [
  ['Express', (o) => { const { app, wasm } = createApp(o); return { listener: app, wasm }; }],
  ['Hono', (o) => { const { app, wasm } = createHonoApp(o); return { listener: getRequestListener(app.fetch), wasm }; }],
];

/** Which version served the request, by the body the app's route wrote, and what the guest said. */
async function served(url: string, headers: Record<string, string> = {}): Promise<{ version: number; variant: string | null }> {
  const res = await fetch(url, { headers });
  expect(res.status).toBe(200);
  return { version: (await res.json()).version, variant: res.headers.get('x-variant') };
}

describe.each(frameworks)('ab-routing on %s', (_name, start) => {
  describe('with the example configuration (25% to v2)', () => {
    const server = serveExample(() => start());
    const products = () => server.url + '/v1/products';

    it('sends about the configured share of users to v2, and says which in x-variant', async () => {
      let v2 = 0;
      for (let i = 0; i < 200; i++) {
        const { version, variant } = await served(products(), { 'x-user-id': `user-${i}` });
        expect(variant).toBe(`v${version}`);
        if (version === 2) v2++;
      }
      expect(v2).toBeGreaterThan(200 * 0.15);
      expect(v2).toBeLessThan(200 * 0.35);
    });

    it('keeps each user on one version', async () => {
      for (let i = 0; i < 10; i++) {
        const first = await served(products(), { 'x-user-id': `sticky-${i}` });
        for (let j = 0; j < 3; j++) expect(await served(products(), { 'x-user-id': `sticky-${i}` })).toEqual(first);
      }
    });

    it('identifies a client by its session cookie, then by its address, when there is no user id', async () => {
      const bySession = await served(products(), { cookie: 'theme=dark; session=s-42' });
      expect(await served(products(), { cookie: 'session=s-42' })).toEqual(bySession);
      const byAddress = await served(products());
      for (let j = 0; j < 3; j++) expect(await served(products(), { connection: 'close' })).toEqual(byAddress);
    });

    it('lets an explicit cohort header or cookie win over the hash', async () => {
      expect((await served(products(), { 'x-cohort': 'v2' })).version).toBe(2);
      expect((await served(products(), { 'x-cohort': 'b' })).version).toBe(2);
      expect((await served(products(), { cookie: 'cohort=b' })).version).toBe(2);
      // The header beats the cookie.
      expect((await served(products(), { 'x-cohort': 'v1', cookie: 'cohort=b' })).version).toBe(1);
    });

    it('leaves paths outside the experiment alone', async () => {
      expect(await served(server.url + '/v2/products')).toEqual({ version: 2, variant: null });
    });
  });

  describe.each([0, 100])('with percent %i', (percent) => {
    const server = serveExample(() => start({ config: { ...abRoutingConfig, percent } }));

    it('sends everyone to one version, unless they chose', async () => {
      const expected = percent === 100 ? 2 : 1;
      for (let i = 0; i < 20; i++) expect((await served(server.url + '/v1/products', { 'x-user-id': `u${i}` })).version).toBe(expected);
      expect((await served(server.url + '/v1/products', { 'x-cohort': `v${3 - expected}` })).version).toBe(3 - expected);
    });
  });
});
