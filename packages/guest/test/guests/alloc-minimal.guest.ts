// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Allocates about 16 KiB per request and keeps none of it: with the minimal runtime. The memory test
// compares how the instance's memory grows over thousands of requests.
import { handleRequest, next } from "../../assembly/index";
export * from "../../assembly/exports";

handleRequest((req, res) => {
  let text = req.uri;
  while (text.length < 8192) text += text;
  res.headers.set("x-length", text.length.toString());
  return next();
});
