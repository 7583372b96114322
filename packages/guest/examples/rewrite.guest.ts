// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// In-process rewrite, not a redirect: the URI Dapr's own end-to-end test guest rewrites
// (components-contrib middleware/http/wasm/internal/e2e-guests/rewrite) is rewritten the same way,
// and every request continues to the app.
import { handleRequest, next } from "../assembly/index";
export * from "../assembly/exports";

handleRequest((req, res) => {
  if (req.uri == "/v1.0/hi?name=panda") req.uri = "/v1.0/hello?name=teddy";
  return next();
});
