// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// The router from Dapr's middleware.http.wasm documentation: a request under /host loses that
// prefix and goes on to the app; anything else gets a static "hello".
import { handleRequest, next, respond } from "../assembly/index";
export * from "../assembly/exports";

const PREFIX = "/host";

handleRequest((req, res) => {
  const uri = req.uri;
  // Dapr's Go version tests strings.HasPrefix(uri, "/host"), which also strips "/hostile" to
  // "ile"; matching whole path segments keeps the documented cases and avoids that.
  if (uri.startsWith(PREFIX) && (uri.length == PREFIX.length || isSeparator(uri.charCodeAt(PREFIX.length)))) {
    const rest = uri.substring(PREFIX.length);
    // A request-target is never empty: "/host" alone becomes "/".
    req.uri = rest.startsWith("/") ? rest : "/" + rest;
    return next();
  }
  res.headers.set("content-type", "text/plain");
  res.body.write("hello");
  return respond();
});

function isSeparator(c: i32): bool {
  return c == 0x2f /* / */ || c == 0x3f /* ? */;
}
