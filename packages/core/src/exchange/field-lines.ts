/**
 * Header field lines from Node's flat rawHeaders array. Pure JavaScript, so the Web entry can use it
 * too when a runtime (Node under Hono) exposes raw headers.
 */
import type { HeaderEntries } from './header-fields.js';

/** rawHeaders is [name, value, name, value, ...]; HTTP/2 pseudo-headers become what HTTP/1.1 would send. */
export function fieldLines(raw: string[]): HeaderEntries {
  const out: HeaderEntries = [];
  let authority: string | undefined;
  let sawHost = false;
  for (let i = 0; i < raw.length; i += 2) {
    const name = raw[i];
    if (name.charCodeAt(0) === 58 /* ':' */) {
      if (name === ':authority') authority = raw[i + 1];
      continue;
    }
    if (!sawHost && name.length === 4 && name.toLowerCase() === 'host') sawHost = true;
    out.push([name, raw[i + 1]]);
  }
  if (authority !== undefined && !sawHost) out.unshift(['host', authority]);
  return out;
}
