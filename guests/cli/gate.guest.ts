// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// The CLI's everyday guest: answers /blocked itself (next=0), rewrites /api/<rest> to /v1/<rest>
// keeping the query, marks both directions, and logs what it did at debug level.
import { handleRequest, log, next, respond } from "../../packages/guest/assembly/index";
export * from "../../packages/guest/assembly/exports";

handleRequest((req, res) => {
  if (req.path == "/blocked") {
    res.status = 403;
    res.headers.set("content-type", "text/plain");
    res.body.write("blocked by gate\n");
    log.info("refused /blocked");
    return respond();
  }
  const path = req.path;
  if (path.startsWith("/api/")) {
    req.path = "/v1/" + path.slice(5);
    log.debug("rewrote " + path + " to " + req.path);
  }
  req.headers.set("x-gate", "passed");
  res.headers.set("x-gate", "1");
  return next();
});
