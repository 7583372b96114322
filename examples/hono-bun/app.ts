/**
 * An ordinary Hono app: it knows nothing of the guest in front of it (server.ts).
 */
import { Hono } from 'hono';

export const app = new Hono();

app.get('/rewritten', (c) => {
  const url = new URL(c.req.url);
  return c.json({ route: '/rewritten', path: c.req.path, url: url.pathname + url.search });
});
app.get('/', (c) => c.text('the app itself\n'));
