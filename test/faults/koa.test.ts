/** The fault matrix (suite.ts) on Koa 3 and Koa 2. */
import { describeFaultsFor } from './family.js';

describeFaultsFor('koa', (name) => name.startsWith('koa'));
