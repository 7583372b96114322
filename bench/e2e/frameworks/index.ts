/** Every framework with end-to-end rows, in table order. */
import type { Framework } from '../framework.js';
import { expressFramework } from './express.js';
import { honoFramework } from './hono.js';
import { koaFramework } from './koa.js';

export const frameworks: readonly Framework[] = [expressFramework, koaFramework, honoFramework];
