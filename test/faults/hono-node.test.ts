/** The fault matrix (suite.ts) on Hono in the test process: Node over HTTP/1.1 (both mounts) and HTTP/2. */
import { describeFaultsFor } from './family.js';

describeFaultsFor('hono-on-node', (name) => name.startsWith('hono-node'));
