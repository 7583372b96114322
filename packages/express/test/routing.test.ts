/**
 * A guest's request-line rewrites decide which Express route runs: the router dispatches on the
 * rewritten method and URL, while req.originalUrl keeps what the client sent.
 */
import type { Request, Response } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { daprWasm } from '@dapr-wasm/express';
import { send } from './support/client.js';
import { expressVersions } from './support/frameworks.js';
import { cohortRouterGuest, directedGuest } from './support/guests.js';
import { serve, type Served } from './support/serve.js';

/** What a route saw, returned as JSON so the client can check it. */
const seen = (route: string) => (req: Request, res: Response) => {
  res.json({ route, method: req.method, url: req.url, originalUrl: req.originalUrl, query: req.query, params: req.params });
};

describe.each(expressVersions)('%s: routing after a guest rewrite', (version, express) => {
  const directed = daprWasm(directedGuest());
  const cohorts = daprWasm(cohortRouterGuest());
  let served: Served;

  beforeAll(async () => {
    await Promise.all([directed.ready, cohorts.ready]);
    const app = express();

    // A/B routing: the guest sends cohort b to /v2.
    const ab = express.Router();
    ab.use(cohorts);
    ab.get('/users/:id', seen('v1'));
    ab.get('/v2/users/:id', seen('v2'));
    app.use('/ab', ab);

    // Mounted on a path: the guest sees the URL relative to the mount point, as any Express
    // middleware mounted there does, and its rewrite stays under the mount point.
    app.use('/api', directed);
    app.get('/api/target', seen('api target'));
    app.get('/api/original', seen('api original'));

    // On a Router of its own.
    const router = express.Router();
    router.use(directed);
    router.get('/target', seen('router target'));
    app.use('/router', router);

    app.get('/unguarded', seen('unguarded'));

    app.use(directed);
    app.get('/target', seen('get target'));
    app.post('/target', seen('post target'));
    app.get('/items/:name', seen('item'));
    app.use(seen('fallback'));
    served = await serve(app);
  });

  afterAll(async () => {
    await served?.close();
    await Promise.all([directed.close(), cohorts.close()]);
  });

  const get = (path: string, headers: Record<string, string> = {}, method = 'GET') =>
    send(served.url, { method, path, headers });

  describe('A/B routing on x-cohort', () => {
    it('sends cohort b to the /v2 route', async () => {
      const r = await get('/ab/users/7', { 'x-cohort': 'b' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'v2', params: { id: '7' }, originalUrl: '/ab/users/7' });
    });

    it('leaves everyone else on the original route', async () => {
      const r = await get('/ab/users/7', { 'x-cohort': 'a' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'v1', params: { id: '7' } });
    });

    it('keeps the query string through the rewrite', async () => {
      const r = await get('/ab/users/7?plan=pro', { 'x-cohort': 'b' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'v2', query: { plan: 'pro' }, originalUrl: '/ab/users/7?plan=pro' });
    });
  });

  describe('at the root of the app', () => {
    it('dispatches on the rewritten URL and keeps req.originalUrl', async () => {
      const r = await get('/original', { 'x-guest-set-uri': '/target' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'get target', url: '/target', originalUrl: '/original' });
    });

    it('dispatches on the rewritten method', async () => {
      const r = await get('/target', { 'x-guest-set-method': 'POST' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'post target', method: 'POST' });
    });

    it('shows the guest the raw request-target, query and escapes included', async () => {
      const r = await get('/a%2Fb?q=x%26y', { 'x-guest-echo': '1' });
      expect(r.headers['x-guest-uri']).toBe('/a%2Fb?q=x%26y');
      expect(r.headers['x-guest-method']).toBe('GET');
    });

    it('drops the query when the new URI has none', async () => {
      const r = await get('/original?keep=1', { 'x-guest-set-uri': '/target' });
      const body = JSON.parse(r.text);
      expect(body).toMatchObject({ route: 'get target', url: '/target', originalUrl: '/original?keep=1' });
      expect(body.query).toEqual({});
    });

    it('replaces the query with the new URI\'s', async () => {
      const r = await get('/original?keep=1', { 'x-guest-set-uri': '/target?b=2' });
      const body = JSON.parse(r.text);
      expect(body).toMatchObject({ route: 'get target', url: '/target?b=2' });
      expect(body.query).toEqual({ b: '2' });
    });

    it('keeps a query the rewrite does not touch', async () => {
      const r = await get('/target?keep=1', { 'x-guest-set-method': 'POST' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'post target', query: { keep: '1' } });
    });

    it('hands route parameters the decoded form of an escaped rewrite', async () => {
      const r = await get('/original', { 'x-guest-set-uri': '/items/a%20b' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'item', params: { name: 'a b' }, url: '/items/a%20b' });
    });
  });

  describe('mounted on a path prefix', () => {
    it('shows the guest the URL relative to the mount point', async () => {
      const r = await get('/api/original?x=1', { 'x-guest-echo': '1' });
      expect(r.headers['x-guest-uri']).toBe('/original?x=1');
      expect(JSON.parse(r.text)).toMatchObject({ route: 'api original', originalUrl: '/api/original?x=1' });
    });

    it('keeps the rewrite under the mount point', async () => {
      const r = await get('/api/original', { 'x-guest-set-uri': '/target' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'api target', url: '/api/target', originalUrl: '/api/original' });
    });

    it('does not run for paths outside the mount point', async () => {
      const r = await get('/unguarded', { 'x-guest-echo': '1' });
      expect(r.headers['x-guest-uri']).toBeUndefined();
      expect(JSON.parse(r.text)).toMatchObject({ route: 'unguarded' });
    });
  });

  describe('on a Router', () => {
    it('dispatches the router\'s own routes on the rewritten URL', async () => {
      const r = await get('/router/original', { 'x-guest-set-uri': '/target' });
      expect(JSON.parse(r.text)).toMatchObject({ route: 'router target', originalUrl: '/router/original' });
    });

    it('dispatches on a rewritten method inside the router', async () => {
      const r = await get('/router/target', { 'x-guest-set-method': 'PATCH' });
      // The router has no PATCH /target, so the request falls through to the app.
      expect(JSON.parse(r.text)).toMatchObject({ route: 'fallback', method: 'PATCH' });
    });
  });
});
