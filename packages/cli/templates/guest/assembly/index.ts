// {{name}}: an http-wasm guest (Dapr's middleware.http.wasm), written with @dapr-wasm/guest.
// It moves the old /api/ prefix to /v1/ and marks the request (for the app) and the response
// (for the client). `npm run build` compiles it to build/guest.wasm.
import { handleRequest, log, next } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports"; // the lifecycle exports: keep this line

handleRequest((req, res) => {
  // /api/orders?id=7 reaches the app as /v1/orders?id=7: setting `path` keeps the query.
  const path = req.path;
  if (path.startsWith("/api/")) {
    req.path = "/v1/" + path.slice("/api/".length);
    log.debug("rewrote " + path + " to " + req.path);
  }
  req.headers.set("x-guest", "{{name}}");
  // Set before next, a response header reaches the client whatever the app writes.
  res.headers.set("x-wasm-guest", "{{name}}");
  return next();
});
