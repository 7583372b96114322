/**
 * Every runtime launcher, by name, with what its runtime can tell an app. A shared suite takes this
 * table and runs once per entry; the traits say which expectations a runtime cannot meet.
 */
import type { RunningApp, RuntimeName, StartOptions } from './app-contract.js';
import * as bun from './bun.js';
import * as deno from './deno.js';
import * as nodeHttp2 from './node-http2.js';
import * as node from './node.js';
import * as workerd from './workerd.js';

export interface RuntimeTraits {
  /** The client's port reaches the app (http-wasm's get_source_addr needs `ip:port`). */
  clientPort: boolean;
  /** The app can learn the request's HTTP version; elsewhere it must assume HTTP/1.1. */
  httpVersion: boolean;
  /** Repeated request header lines reach the app separately (node's `rawHeaders`); fetch-style runtimes join them with ", ". */
  distinctHeaderLines: boolean;
  /**
   * The request-target as the client sent it reaches the app (node's `url`); fetch-style runtimes
   * hand over only the parsed `request.url` (dot segments resolved except on Deno, absolute-form
   * reduced).
   */
  rawTarget: boolean;
}

export interface Launcher {
  start(appEntry: string, options?: StartOptions): Promise<RunningApp>;
  traits: RuntimeTraits;
}

const nodeTraits: RuntimeTraits = { clientPort: true, httpVersion: true, distinctHeaderLines: true, rawTarget: true };
const fetchTraits: RuntimeTraits = { clientPort: true, httpVersion: false, distinctHeaderLines: false, rawTarget: false };

export const launchers: Record<RuntimeName, Launcher> = {
  node: { start: node.start, traits: nodeTraits },
  'node-http2': { start: nodeHttp2.start, traits: nodeTraits },
  bun: { start: bun.start, traits: fetchTraits },
  // The same runtimes serving with @hono/node-server on their node:http: what Node offers.
  'bun-node-http': { start: (app, options) => bun.start(app, options, 'node-http'), traits: nodeTraits },
  deno: { start: deno.start, traits: fetchTraits },
  'deno-node-http': { start: (app, options) => deno.start(app, options, 'node-http'), traits: nodeTraits },
  // Miniflare passes the client IP in cf-connecting-ip, without a port.
  workerd: { start: workerd.start, traits: { ...fetchTraits, clientPort: false } },
};
