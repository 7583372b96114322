// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Marks both directions: the app sees "x-wasm-request: 1" and the client gets "x-wasm: 1".
// In your own project, import from "@dapr-wasm/guest" and "@dapr-wasm/guest/assembly/exports".
import { handleRequest, next } from "../assembly/index";
export * from "../assembly/exports";

handleRequest((req, res) => {
  req.headers.add("x-wasm-request", "1");
  // Set before next, the header reaches the client whatever the app writes; no buffering needed.
  res.headers.add("x-wasm", "1");
  return next();
});
