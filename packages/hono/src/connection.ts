/**
 * What the Web `Request` does not carry, read from whatever each runtime hands Hono as `env`:
 * @hono/node-server's `{ incoming }` (Node: address, port, HTTP version, raw target and raw header
 * lines), Bun's `server.requestIP()`, Deno's `info.remoteAddr`, and on Cloudflare Workers the
 * `cf-connecting-ip` header (an address without a port) and `request.cf.httpProtocol`.
 */
import { fieldLines, type ConnectionInfo } from '@dapr-wasm/core';

interface NodeIncoming {
  socket?: { remoteAddress?: string; remotePort?: number };
  httpVersion?: string;
  url?: string;
  rawHeaders?: string[];
}

type Env = Record<string, unknown> | undefined;

/** Workers identify themselves so; anywhere else `cf-connecting-ip` is just a header a client may send. */
const onWorkers = (globalThis as { navigator?: { userAgent?: string } }).navigator?.userAgent === 'Cloudflare-Workers';

export function runtimeConnection(env: unknown, request: Request): ConnectionInfo {
  const e = env as Env;
  const incoming = e?.incoming as NodeIncoming | undefined;
  if (incoming?.socket) {
    const raw = incoming.rawHeaders;
    return {
      remoteAddress: incoming.socket.remoteAddress,
      remotePort: incoming.socket.remotePort,
      protocol: incoming.httpVersion ? `HTTP/${incoming.httpVersion}` : undefined,
      rawTarget: incoming.url,
      rawHeaders: raw ? () => fieldLines(raw) : undefined,
    };
  }
  const requestIP = e?.requestIP as ((req: Request) => { address: string; port: number } | null) | undefined;
  if (typeof requestIP === 'function') {
    const addr = requestIP.call(e, request);
    if (addr) return { remoteAddress: addr.address, remotePort: addr.port };
  }
  const remoteAddr = e?.remoteAddr as { hostname?: string; port?: number } | undefined;
  if (remoteAddr?.hostname) return { remoteAddress: remoteAddr.hostname, remotePort: remoteAddr.port };
  if (onWorkers) return workersConnection(request);
  return {};
}

/** Workers give the client IP without its port, and the client's HTTP version as "HTTP/2" or "HTTP/1.1". */
function workersConnection(request: Request): ConnectionInfo {
  const ip = request.headers.get('cf-connecting-ip') ?? undefined;
  const version = (request as { cf?: { httpProtocol?: unknown } }).cf?.httpProtocol;
  const protocol = typeof version === 'string' && /^HTTP\/\d(\.\d)?$/.test(version) ? (version.includes('.') ? version : `${version}.0`) : undefined;
  return { remoteAddress: ip, remotePort: ip ? 0 : undefined, protocol };
}
