// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Logs each request through the host's logger (in dapr-wasm, the app's `logger` option; in Dapr,
// daprd's log): on the way in, method, path and selected headers; on the way out, the status and
// how long the app took. guestConfig:
//
//   {
//     "level": "info",                              // debug | info | warn | error
//     "headers": ["user-agent", "x-request-id"],    // logged when present, in this order
//     "includeQuery": false,                        // log the query string too (may hold personal data)
//     "slowMs": 500                                 // responses slower than this log one level higher (warn)
//   }
//
// The guest asks `log.enabled(level)` before building a line, so at a level the host discards, a
// request costs a host call or two and no formatting. Slow responses are still reported when only
// warnings are wanted.
import {
  LOG_LEVEL_DEBUG, LOG_LEVEL_ERROR, LOG_LEVEL_INFO, LOG_LEVEL_WARN,
  Request, Response, clock, config, handleRequest, handleResponse, log, next, parseJson, quoteJson,
} from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

let loaded = false;
let level = LOG_LEVEL_INFO;
let headers: string[] = [];
let includeQuery = false;
let slowNanos: u64 = 0;

// A request keeps its instance from handle_request to handle_response (the host pins it, and an
// instance serves one request at a time), so plain globals carry the request's state across.
let startedAt: u64 = 0;
let requestLine = "";

// The ctx handed from the request handler to the response handler: what to log on the way out.
const LOG_ALL: u32 = 1;
const LOG_SLOW_ONLY: u32 = 2;

function levelNamed(name: string): i32 {
  if (name == "debug") return LOG_LEVEL_DEBUG;
  if (name == "warn") return LOG_LEVEL_WARN;
  if (name == "error") return LOG_LEVEL_ERROR;
  return LOG_LEVEL_INFO;
}

function load(): void {
  loaded = true;
  const cfg = parseJson(config.text());
  if (cfg === null || !cfg.isObject) {
    if (config.text().length) log.warn("logging-metadata: guestConfig is not a JSON object; using defaults");
    headers = ["user-agent"];
    return;
  }
  level = levelNamed(cfg.getString("level", "info"));
  headers = cfg.has("headers") ? cfg.getStrings("headers") : ["user-agent"];
  includeQuery = cfg.getBool("includeQuery", false);
  const slowMs = cfg.getNumber("slowMs", 0);
  slowNanos = slowMs > 0 ? <u64>(slowMs * 1e6) : 0;
}

handleRequest((req: Request, res: Response): i64 => {
  if (!loaded) load();
  let mode: u32 = 0;
  if (log.enabled(level)) mode = LOG_ALL;
  else if (slowNanos > 0 && log.enabled(LOG_LEVEL_WARN)) mode = LOG_SLOW_ONLY;
  if (mode == 0) return next();

  requestLine = req.method + " " + (includeQuery ? req.uri : req.path);
  if (mode == LOG_ALL) {
    let line = "--> " + requestLine;
    for (let i = 0; i < headers.length; i++) {
      const value = req.headers.get(headers[i]);
      // Quoted as JSON strings, so a value cannot forge another field in the log line.
      if (value !== null) line += " " + headers[i] + "=" + quoteJson(value);
    }
    log.write(level, line);
  }
  startedAt = clock.monotonicNanos();
  return next(mode);
});

handleResponse((req: Request, res: Response, mode: u32, isError: bool): void => {
  if (mode == 0) return;
  const took = clock.monotonicNanos() - startedAt;
  const slow = slowNanos > 0 && took > slowNanos;
  if (mode == LOG_SLOW_ONLY && !slow && !isError) return;
  const outcome = isError ? "failed" : res.status.toString();
  const at = isError ? LOG_LEVEL_ERROR : slow && level < LOG_LEVEL_WARN ? LOG_LEVEL_WARN : level;
  log.write(at, "<-- " + requestLine + " " + outcome + " " + clock.formatMillis(took) + "ms" + (slow ? " slow" : ""));
});
