/**
 * The Worker's entry: the rewrite guest (guests/examples/rewrite.wat) in front of the whole app.
 * It rewrites every request to /rewritten and adds `x-wasm: 1`; daprWasmFetch runs it before Hono
 * routes, so the rewritten path picks the route.
 */
import { daprWasmFetch } from '@dapr-wasm/hono';
import guest from '../../../guests/examples/rewrite.wasm';
import { app } from './app.js';

export default { fetch: daprWasmFetch(app, { module: guest }) };
