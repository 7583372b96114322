// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// The router from Dapr's middleware.http.wasm documentation, with Dapr's end-to-end rewrite in
// front of it. With an empty guestConfig it behaves exactly as the documented guest:
//   - a request under /host loses that prefix and goes on to the app;
//   - anything else is answered "hello" (text/plain) by the guest itself.
// guestConfig may change the three parts:
//
//   {
//     "rewrites": { "/v1.0/hi?name=panda": "/v1.0/hello?name=teddy" },  // exact request-targets
//     "prefix": "/host",
//     "answer": "hello"
//   }
//
// Rewrites happen in process, not by redirect: the app sees the new URI, the client never does.
import { Request, Response, config, handleRequest, log, next, parseJson, respond } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

let loaded = false;
let fromUris: string[] = [];
let toUris: string[] = [];
let prefix = "/host";
let answer = "hello";

function load(): void {
  loaded = true;
  const text = config.text();
  if (!text.length) return; // the documented guest takes no configuration
  const cfg = parseJson(text);
  if (cfg === null || !cfg.isObject) {
    log.error("dapr-router: guestConfig is not a JSON object; routing as the Dapr docs do");
    return;
  }
  const rewrites = cfg.get("rewrites");
  if (rewrites !== null && rewrites.isObject) {
    for (let i = 0; i < rewrites.length; i++) {
      if (!rewrites.items[i].isString) continue;
      fromUris.push(rewrites.keys[i]);
      toUris.push(rewrites.items[i].text);
    }
  }
  prefix = cfg.getString("prefix", prefix);
  answer = cfg.getString("answer", answer);
}

/** Whether `uri` is `prefix` itself or below it. */
function underPrefix(uri: string): bool {
  if (!uri.startsWith(prefix)) return false;
  if (uri.length == prefix.length) return true;
  // Dapr's Go guest tests strings.HasPrefix, which also turns "/hostile" into "ile"; requiring a
  // path separator next keeps every documented case and avoids that.
  const c = uri.charCodeAt(prefix.length);
  return c == 0x2f /* / */ || c == 0x3f /* ? */;
}

handleRequest((req: Request, res: Response): i64 => {
  if (!loaded) load();
  const uri = req.uri;

  const i = fromUris.indexOf(uri);
  if (i >= 0) {
    req.uri = toUris[i];
    return next();
  }

  if (underPrefix(uri)) {
    const rest = uri.substring(prefix.length);
    // A request-target is never empty: "/host" alone becomes "/".
    req.uri = rest.startsWith("/") ? rest : "/" + rest;
    return next();
  }

  res.headers.set("content-type", "text/plain");
  res.body.write(answer);
  return respond();
});
