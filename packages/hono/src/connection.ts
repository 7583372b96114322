/**
 * What the Web `Request` does not carry, read from whatever each runtime hands Hono as `c.env`:
 * @hono/node-server's `{ incoming }` (Node: address, port, HTTP version, raw target and raw header
 * lines), Bun's `server.requestIP()`, Deno's `info.remoteAddr`, and on Cloudflare Workers the
 * `cf-connecting-ip` header (an address without a port).
 */
import { fieldLines, type ConnectionInfo } from '@dapr-wasm/core';
import type { Context } from 'hono';

interface NodeIncoming {
  socket?: { remoteAddress?: string; remotePort?: number };
  httpVersion?: string;
  url?: string;
  rawHeaders?: string[];
}

export function connectionInfo(c: Context): ConnectionInfo {
  const env = c.env as Record<string, unknown> | undefined;
  const incoming = env?.incoming as NodeIncoming | undefined;
  if (incoming?.socket) {
    return {
      remoteAddress: incoming.socket.remoteAddress,
      remotePort: incoming.socket.remotePort,
      protocol: incoming.httpVersion ? `HTTP/${incoming.httpVersion}` : undefined,
      rawTarget: incoming.url,
      rawHeaders: incoming.rawHeaders ? () => fieldLines(incoming.rawHeaders!) : undefined,
    };
  }
  const requestIP = env?.requestIP as ((req: Request) => { address: string; port: number } | null) | undefined;
  if (typeof requestIP === 'function') {
    const addr = requestIP.call(env, c.req.raw);
    if (addr) return { remoteAddress: addr.address, remotePort: addr.port };
  }
  const remoteAddr = env?.remoteAddr as { hostname?: string; port?: number } | undefined;
  if (remoteAddr?.hostname) return { remoteAddress: remoteAddr.hostname, remotePort: remoteAddr.port };
  const cfIp = c.req.raw.headers.get('cf-connecting-ip');
  if (cfIp) return { remoteAddress: cfIp, remotePort: 0 };
  return {};
}
