// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Rejects requests that miss a required header (400) or carry no valid API key (401), with a JSON
// body naming the header, before the app runs. Everything comes from guestConfig:
//
//   {
//     "required": ["x-request-id"],                  // 400 when absent or empty
//     "apiKeyHeader": "x-api-key",                   // default "x-api-key"
//     "apiKeys": { "checkout": "k-123", ... },       // client name -> key; 401 unless one matches
//     "clientHeader": "x-client-id",                 // the app receives the client name here
//     "exemptPaths": ["/health"]                     // skipped entirely (exact path match)
//   }
//
// The key header is removed before the app runs, so a secret never reaches app logs; the app
// learns who called from `clientHeader`, which the guest overwrites so a client cannot forge it.
import { Request, Response, config, handleRequest, log, next, parseJson, quoteJson, respond } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

let loaded = false;
let misconfigured = false;
let required: string[] = [];
let keyHeader = "x-api-key";
let clientHeader = "x-client-id";
let clientNames: string[] = [];
let clientKeys: string[] = [];
let exempt: string[] = [];

// Host calls are not allowed while the module starts, so configuration is read on the first request.
function load(): void {
  loaded = true;
  const cfg = parseJson(config.text());
  if (cfg === null || !cfg.isObject) {
    // A broken security check must not let everything through: refuse until it is fixed.
    log.error("header-validation: guestConfig is not a JSON object; refusing every request");
    misconfigured = true;
    return;
  }
  required = cfg.getStrings("required");
  keyHeader = cfg.getString("apiKeyHeader", keyHeader);
  clientHeader = cfg.getString("clientHeader", clientHeader);
  exempt = cfg.getStrings("exemptPaths");
  const keys = cfg.get("apiKeys");
  if (keys !== null && keys.isObject) {
    for (let i = 0; i < keys.length; i++) {
      if (!keys.items[i].isString) continue;
      clientNames.push(keys.keys[i]);
      clientKeys.push(keys.items[i].text);
    }
  }
}

/** Compares in time that depends on the lengths only, so response timing does not leak a key prefix. */
function sameSecret(a: string, b: string): bool {
  if (a.length != b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff == 0;
}

function reject(res: Response, status: u32, error: string, header: string): i64 {
  res.status = status;
  res.headers.set("content-type", "application/json");
  if (status == 401) res.headers.set("www-authenticate", "ApiKey header=\"" + header + "\"");
  res.body.write("{\"error\":" + quoteJson(error) + ",\"header\":" + quoteJson(header) + "}");
  return respond();
}

handleRequest((req: Request, res: Response): i64 => {
  if (!loaded) load();
  if (misconfigured) {
    res.status = 500;
    res.headers.set("content-type", "application/json");
    res.body.write("{\"error\":\"header validation is misconfigured\"}");
    return respond();
  }
  if (exempt.includes(req.path)) return next();

  for (let i = 0; i < required.length; i++) {
    const value = req.headers.get(required[i]);
    if (value === null || value.trim().length == 0) return reject(res, 400, "missing required header", required[i]);
  }

  if (clientKeys.length) {
    const presented = req.headers.getAll(keyHeader);
    if (presented.length == 0) return reject(res, 401, "missing API key", keyHeader);
    // Two key field lines are ambiguous (which one did a proxy add?): refuse rather than pick.
    if (presented.length > 1) return reject(res, 400, "more than one API key", keyHeader);
    let client = -1;
    for (let i = 0; i < clientKeys.length; i++) if (sameSecret(presented[0], clientKeys[i])) client = i;
    if (client < 0) {
      log.warn("header-validation: invalid API key on " + req.method + " " + req.path);
      return reject(res, 401, "invalid API key", keyHeader);
    }
    req.headers.remove(keyHeader);
    req.headers.set(clientHeader, clientNames[client]);
  }
  return next();
});
