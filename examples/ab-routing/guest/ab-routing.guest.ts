// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// A/B routing by in-process URI rewrite: a share of clients asking for /v1/... are served by
// /v2/... instead, and the rest stay on /v1. guestConfig:
//
//   {
//     "experiment": "new-catalog",   // salts the hash, so each experiment splits clients anew
//     "percent": 25,                 // share of clients sent to the new version, 0..100
//     "from": "/v1/", "to": "/v2/",  // the path prefix that is swapped
//     "cohortHeader": "x-cohort",    // an explicit choice wins over the hash: "v1"/"a" or "v2"/"b"
//     "cohortCookie": "cohort",      //   ... from this header, then from this cookie
//     "stickyBy": ["header:x-user-id", "cookie:session", "source"],
//     "variantHeader": "x-variant"   // response header naming the version that served the request
//   }
//
// A client is identified by the first of `stickyBy` it carries ("source" is the client IP without
// its port, which changes per connection), and its FNV-1a hash puts it in one of 100 buckets, so the
// same client always gets the same version with no state kept anywhere.
import { Request, Response, config, handleRequest, log, next, parseJson } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

let loaded = false;
let experiment = "";
let percent: u32 = 0;
let from = "/v1/";
let to = "/v2/";
let cohortHeader = "x-cohort";
let cohortCookie = "cohort";
let stickyBy: string[] = ["source"];
let variantHeader = "x-variant";

function load(): void {
  loaded = true;
  const cfg = parseJson(config.text());
  if (cfg === null || !cfg.isObject) {
    log.error("ab-routing: guestConfig is not a JSON object; every request stays on its version");
    return;
  }
  experiment = cfg.getString("experiment", experiment);
  percent = <u32>min(max(cfg.getNumber("percent", 0), 0), 100);
  from = cfg.getString("from", from);
  to = cfg.getString("to", to);
  cohortHeader = cfg.getString("cohortHeader", cohortHeader);
  cohortCookie = cfg.getString("cohortCookie", cohortCookie);
  if (cfg.has("stickyBy")) stickyBy = cfg.getStrings("stickyBy");
  variantHeader = cfg.getString("variantHeader", variantHeader);
}

/** The value of cookie `name` in the request's Cookie field lines, or null. */
function cookie(req: Request, name: string): string | null {
  const lines = req.headers.getAll("cookie");
  for (let i = 0; i < lines.length; i++) {
    const pairs = lines[i].split(";");
    for (let j = 0; j < pairs.length; j++) {
      const pair = pairs[j].trim();
      const eq = pair.indexOf("=");
      if (eq > 0 && pair.substring(0, eq) == name) return pair.substring(eq + 1);
    }
  }
  return null;
}

/** The client IP from "ip:port" or "[v6]:port". */
function clientIp(sourceAddr: string): string {
  const colon = sourceAddr.lastIndexOf(":");
  const host = colon > 0 ? sourceAddr.substring(0, colon) : sourceAddr;
  return host.startsWith("[") ? host.substring(1, host.length - 1) : host;
}

/** 1 or 2 when the client asked for a version explicitly, else 0. */
function chosenVersion(choice: string | null): i32 {
  if (choice === null) return 0;
  if (choice == "v2" || choice == "b") return 2;
  if (choice == "v1" || choice == "a") return 1;
  return 0;
}

/** The first identity in `stickyBy` that the request carries, or "". */
function identity(req: Request): string {
  for (let i = 0; i < stickyBy.length; i++) {
    const source = stickyBy[i];
    let value: string | null = null;
    if (source.startsWith("header:")) value = req.headers.get(source.substring(7));
    else if (source.startsWith("cookie:")) value = cookie(req, source.substring(7));
    else if (source == "source") value = clientIp(req.sourceAddr);
    if (value !== null && value.length) return source + "=" + value;
  }
  return "";
}

/** FNV-1a over the UTF-16 units of `s`: tiny, fast and well spread for short keys. */
function fnv1a(s: string): u32 {
  let h: u32 = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= <u32>s.charCodeAt(i);
    h *= 0x01000193;
  }
  return h;
}

handleRequest((req: Request, res: Response): i64 => {
  if (!loaded) load();
  const path = req.path;
  if (!path.startsWith(from)) return next();

  let version = chosenVersion(req.headers.get(cohortHeader));
  if (version == 0) version = chosenVersion(cookie(req, cohortCookie));
  if (version == 0) {
    const who = identity(req);
    // Without any identity there is nothing to keep the client on one version: stay on the old one.
    version = who.length && fnv1a(experiment + "/" + who) % 100 < percent ? 2 : 1;
  }

  if (version == 2) req.path = to + path.substring(from.length);
  // Set before next, the header reaches the client whatever the app sends; no buffering needed.
  res.headers.set(variantHeader, version == 2 ? "v2" : "v1");
  return next();
});
