// Path and query helpers over a raw request-target such as "/v1.0/hi?name=panda".
// The host hands the URI over exactly as received (percent-escapes intact), and `set_uri` expects
// it encoded the same way, so these helpers split and join without decoding anything.

/** The path: everything before the first "?" ("/v1.0/hi"). */
export function pathOf(uri: string): string {
  const q = uri.indexOf("?");
  return q < 0 ? uri : uri.substring(0, q);
}

/** The raw query without its "?" ("name=panda"), or "" when there is none. */
export function queryOf(uri: string): string {
  const q = uri.indexOf("?");
  return q < 0 ? "" : uri.substring(q + 1);
}

/** Joins a path and a raw query; an empty query leaves no trailing "?". */
export function joinUri(path: string, query: string): string {
  return query.length ? path + "?" + query : path;
}

/**
 * The raw (still percent-encoded) value of the first `name=value` pair in `query`, "" for a bare
 * `name`, or null when the name is absent.
 */
export function queryParam(query: string, name: string): string | null {
  let start = 0;
  while (start <= query.length) {
    let end = query.indexOf("&", start);
    if (end < 0) end = query.length;
    const eq = query.indexOf("=", start);
    const keyEnd = eq >= 0 && eq < end ? eq : end;
    if (query.substring(start, keyEnd) == name) {
      return keyEnd < end ? query.substring(keyEnd + 1, end) : "";
    }
    start = end + 1;
  }
  return null;
}
