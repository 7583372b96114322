/**
 * Every app shape the shared suites run against, one line each. To add one, write its harness
 * (test/harness/<name>.ts exporting a Target) and list it here.
 *
 * `DAPR_WASM_TARGETS=express5,koa3` narrows a run to the named targets.
 */
import express from 'express';
import express4 from 'express4';
import koa from 'koa';
import koa2 from 'koa2';
import { expressTarget } from './express.js';
import { honoTarget } from './hono.js';
import { koaTarget } from './koa.js';
import type { Target } from './types.js';

const allTargets: readonly Target[] = [
  expressTarget('express5', express),
  expressTarget('express4', express4),
  koaTarget('koa3', koa),
  koaTarget('koa2', koa2),
  honoTarget('hono-node', 'node'),
  honoTarget('hono-node-fetch', 'node', 'fetch'),
  honoTarget('hono-node-h2', 'node-http2'),
  honoTarget('hono-bun', 'bun'),
  honoTarget('hono-bun-node-http', 'bun-node-http'),
  honoTarget('hono-deno', 'deno'),
  honoTarget('hono-deno-node-http', 'deno-node-http'),
  honoTarget('hono-workerd', 'workerd'),
];

function selected(): readonly Target[] {
  const only = process.env.DAPR_WASM_TARGETS?.split(',').map((s) => s.trim()).filter(Boolean);
  if (!only?.length) return allTargets;
  // A misspelt name must not turn into a run that checks nothing.
  const unknown = only.filter((n) => !allTargets.some((t) => t.name === n));
  if (unknown.length) {
    throw new Error(`DAPR_WASM_TARGETS names unknown targets: ${unknown.join(', ')} (known: ${allTargets.map((t) => t.name).join(', ')})`);
  }
  return allTargets.filter((t) => only.includes(t.name));
}

export const targets = selected();
