/** The fault matrix (suite.ts) on Hono in runtimes of their own: Bun, Deno (each native and on node:http) and workerd. */
import { describeFaultsFor } from './family.js';

describeFaultsFor('hono-in-other-runtimes', (name) => name.startsWith('hono-') && !name.startsWith('hono-node'));
