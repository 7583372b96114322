/** The fault matrix (suite.ts) on Express 5 and Express 4. */
import { describeFaultsFor } from './family.js';

describeFaultsFor('express', (name) => name.startsWith('express'));
