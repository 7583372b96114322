// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Changes requests on their way to the app and responses on their way back. guestConfig:
//
//   {
//     "request":  { "set": { "x-forwarded-by": "dapr-wasm" }, "remove": ["x-debug-token"] },
//     "response": { "set": { "x-content-type-options": "nosniff" }, "remove": ["x-powered-by"] },
//     "json":     { "set": { "apiVersion": "2" }, "remove": ["internalId"] },
//     "redact":   ["sk_live_51HxExample"]
//   }
//
// - request/response: headers set (replacing any value) or removed;
// - json: top-level members set or removed in JSON object responses; other members, their order
//   and their number formatting are kept;
// - redact: every occurrence of each string becomes "***" in textual request and response bodies
//   (JSON, text/*, XML, forms). Binary bodies pass untouched.
import {
  FEATURE_BUFFER_RESPONSE, Headers, JsonValue, Request, Response,
  config, enableFeatures, handleRequest, handleResponse, log, next, parseJson,
} from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

const MASK = "***";

/** Header changes for one direction. */
class HeaderEdits {
  setNames: string[] = [];
  setValues: string[] = [];
  remove: string[] = [];

  get empty(): bool {
    return this.setNames.length == 0 && this.remove.length == 0;
  }

  applyTo(headers: Headers): void {
    for (let i = 0; i < this.remove.length; i++) headers.remove(this.remove[i]);
    for (let i = 0; i < this.setNames.length; i++) headers.set(this.setNames[i], this.setValues[i]);
  }
}

let loaded = false;
const requestEdits = new HeaderEdits();
const responseEdits = new HeaderEdits();
let jsonSet: JsonValue = JsonValue.object();
let jsonRemove: string[] = [];
let redactions: string[] = [];

function readEdits(section: JsonValue | null, into: HeaderEdits): void {
  if (section === null || !section.isObject) return;
  const set = section.get("set");
  if (set !== null && set.isObject) {
    for (let i = 0; i < set.length; i++) {
      if (!set.items[i].isString) continue;
      into.setNames.push(set.keys[i]);
      into.setValues.push(set.items[i].text);
    }
  }
  into.remove = section.getStrings("remove");
}

function load(): void {
  loaded = true;
  const cfg = parseJson(config.text());
  if (cfg === null || !cfg.isObject) {
    log.error("modify-request-response: guestConfig is not a JSON object; passing everything through");
    return;
  }
  readEdits(cfg.get("request"), requestEdits);
  readEdits(cfg.get("response"), responseEdits);
  const json = cfg.get("json");
  if (json !== null && json.isObject) {
    const set = json.get("set");
    if (set !== null && set.isObject) jsonSet = set;
    jsonRemove = json.getStrings("remove");
  }
  // An empty string would match everywhere.
  const all = cfg.getStrings("redact");
  for (let i = 0; i < all.length; i++) if (all[i].length) redactions.push(all[i]);
}

function rewritesJson(): bool {
  return jsonSet.length > 0 || jsonRemove.length > 0;
}

/** Bodies that are text, so replacing substrings cannot corrupt them. */
function isTextual(t: string): bool {
  return t.startsWith("text/") || t.includes("json") || t.includes("xml") || t.includes("x-www-form-urlencoded");
}

function contentType(headers: Headers): string {
  const value = headers.get("content-type");
  return value !== null ? value.toLowerCase() : "";
}

function redact(text: string): string {
  for (let i = 0; i < redactions.length; i++) text = text.replaceAll(redactions[i], MASK);
  return text;
}

function rewriteJson(text: string): string {
  const doc = parseJson(text);
  // Not an object (or not JSON despite its content-type): leave it as the app wrote it.
  if (doc === null || !doc.isObject) return text;
  for (let i = 0; i < jsonRemove.length; i++) doc.remove(jsonRemove[i]);
  for (let i = 0; i < jsonSet.length; i++) doc.set(jsonSet.keys[i], jsonSet.items[i]);
  return doc.toString();
}

handleRequest((req: Request, res: Response): i64 => {
  if (!loaded) load();
  requestEdits.applyTo(req.headers);
  if (redactions.length && isTextual(contentType(req.headers))) {
    // Without FEATURE_BUFFER_REQUEST, reading consumes the body, so it is always written back.
    req.body.write(redact(req.body.readText()));
  }
  // Buffering costs a copy of the response, so ask for it only when something will change.
  if (!responseEdits.empty || rewritesJson() || redactions.length) enableFeatures(FEATURE_BUFFER_RESPONSE);
  return next();
});

handleResponse((req: Request, res: Response, ctx: u32, isError: bool): void => {
  // The app failed: send its error as is.
  if (isError) return;
  responseEdits.applyTo(res.headers);
  const type = contentType(res.headers);
  const json = rewritesJson() && type.includes("json");
  if (!json && !(redactions.length && isTextual(type))) return;
  const original = res.body.readText();
  const body = redact(json ? rewriteJson(original) : original);
  if (body == original) return;
  res.body.write(body);
  // The app's ETag names the bytes it wrote; a cache must not match it against the rewritten ones.
  res.headers.remove("etag");
});
