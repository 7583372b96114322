/**
 * A local origin for guest modules, on 127.0.0.1, with a route for every way a download can go
 * wrong. `/module.wasm` serves the current module with an ETag and answers a matching
 * If-None-Match with 304, so revalidation can be observed; every request is recorded.
 */
import { createHash } from 'node:crypto';
import type http from 'node:http';
import { serve, type Served } from './serve.js';

export interface ModuleOrigin extends Served {
  /** Requests received, as `METHOD path` with their conditional headers. */
  readonly requests: { path: string; ifNoneMatch: string | undefined }[];
  /** Replaces what `/module.wasm` serves: a module, or an error status. */
  setModule(module: Uint8Array | number): void;
}

export const ORIGIN_MAX_BYTES = 4096;

export async function startModuleOrigin(module: Uint8Array): Promise<ModuleOrigin> {
  let current = module;
  let status: number | undefined;
  const etag = () => `"${createHash('sha256').update(current).digest('hex').slice(0, 16)}"`;
  const requests: ModuleOrigin['requests'] = [];

  const routes: Record<string, (req: http.IncomingMessage, res: http.ServerResponse) => void> = {
    '/module.wasm': (req, res) => {
      if (status !== undefined) return void res.writeHead(status).end(`status ${status}`);
      if (req.headers['if-none-match'] === etag()) return void res.writeHead(304, { etag: etag() }).end();
      res.writeHead(200, { 'content-type': 'application/wasm', etag: etag(), 'last-modified': new Date(0).toUTCString() }).end(current);
    },
    '/missing.wasm': (_req, res) => void res.writeHead(404).end('no such module'),
    '/broken.wasm': (_req, res) => void res.writeHead(503).end('down for maintenance'),
    // Accepts the request and never answers.
    '/hang.wasm': () => {},
    // Sends headers and the first bytes, then nothing more.
    '/stall.wasm': (_req, res) => {
      res.writeHead(200, { 'content-length': String(current.length) });
      res.write(current.subarray(0, 8));
    },
    '/big.wasm': (_req, res) => void res.writeHead(200, { 'content-length': String(ORIGIN_MAX_BYTES + 1) }).end(Buffer.alloc(ORIGIN_MAX_BYTES + 1)),
    // No Content-Length: the cap must hold while reading.
    '/big-chunked.wasm': (_req, res) => {
      res.writeHead(200, { 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 8; i++) res.write(Buffer.alloc(1024));
      res.end();
    },
    '/page.wasm': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>Sign in</title>'),
    '/loop-a.wasm': (_req, res) => void res.writeHead(302, { location: '/loop-b.wasm' }).end(),
    '/loop-b.wasm': (_req, res) => void res.writeHead(302, { location: '/loop-a.wasm' }).end(),
    '/no-location.wasm': (_req, res) => void res.writeHead(302).end(),
  };

  const served = await serve((req, res) => {
    const path = new URL(req.url ?? '/', 'http://origin').pathname;
    requests.push({ path, ifNoneMatch: req.headers['if-none-match'] });
    // `/hops/<n>.wasm` redirects n times before reaching /module.wasm.
    const hops = /^\/hops\/(\d+)\.wasm$/.exec(path);
    if (hops) {
      const n = Number(hops[1]);
      return void res.writeHead(302, { location: n > 1 ? `/hops/${n - 1}.wasm` : '/module.wasm' }).end();
    }
    const route = routes[path];
    if (route) route(req, res);
    else res.writeHead(404).end();
  });
  const setModule = (next: Uint8Array | number) => {
    if (typeof next === 'number') status = next;
    else [current, status] = [next, undefined];
  };
  return Object.assign(served, { requests, setModule });
}
