/**
 * Formats a client address the way http-wasm guests expect it: `ip:port`, IPv6 in brackets, and
 * IPv4-mapped IPv6 addresses (`::ffff:127.0.0.1`, what Node reports on dual-stack sockets) reduced
 * to plain IPv4.
 */
export function formatSourceAddr(address: string | undefined, port: number | undefined): string | undefined {
  if (!address) return undefined;
  let ip = address;
  if (ip.startsWith('[') && ip.endsWith(']')) ip = ip.slice(1, -1);
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped) ip = mapped[1];
  const host = ip.includes(':') ? `[${ip}]` : ip;
  return `${host}:${port ?? 0}`;
}
