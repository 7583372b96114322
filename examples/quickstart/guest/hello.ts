import { handleRequest, next, respond } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports"; // the lifecycle exports: keep this line

handleRequest((req, res) => {
  if (!req.headers.has("x-api-key")) {
    res.status = 401;
    res.headers.set("content-type", "text/plain");
    res.body.write("missing x-api-key\n");
    return respond(); // answer now: the app never sees the request
  }
  res.headers.set("x-wasm", "hello from AssemblyScript");
  return next(); // on to the app
});
