// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Exercises the SDK against the in-test fake host. The request header "x-case" picks a scenario;
// results come back as response headers and body, like the http-wasm TCK guest does.
import {
  FEATURE_BUFFER_REQUEST,
  FEATURE_BUFFER_RESPONSE,
  LOG_LEVEL_DEBUG,
  LOG_LEVEL_WARN,
  Request,
  Response,
  config,
  enableFeatures,
  handleRequest,
  handleResponse,
  log,
  next,
  respond,
} from "../../assembly/index";
export * from "../../assembly/exports";

const CTX_MUTATE: u32 = 7;
const CTX_BUFFER_RESPONSE: u32 = 8;
const CTX_REREAD: u32 = 9;

handleRequest((req, res) => {
  const which = req.headers.get("x-case");
  if (which === null) return next();
  const c = changetype<string>(which);
  if (c == "request-line") return requestLine(req, res);
  if (c == "header-values") return headerValues(req, res);
  if (c == "header-names") return headerNames(req, res);
  if (c == "mutate") return mutate(req, res);
  if (c == "read-all") return readAll(req, res);
  if (c == "read-chunks") return readChunks(req, res);
  if (c == "read-empty-buffer") return readEmptyBuffer(req, res);
  if (c == "buffer-response") return bufferResponse(req, res);
  if (c == "reread-request") return rereadRequest(req, res);
  if (c == "log") return logging(req, res);
  if (c == "status-and-body") return statusAndBody(req, res);
  if (c == "config-text") return configText(req, res);
  if (c == "abort") throw new Error("boom");
  res.status = 400;
  return respond();
});

handleResponse((req, res, ctx, isError) => {
  res.headers.set("x-ctx", ctx.toString());
  res.headers.set("x-is-error", isError ? "1" : "0");
  if (ctx == CTX_BUFFER_RESPONSE) {
    const text = res.body.readText();
    res.status = 201;
    res.body.write(text.toUpperCase());
  } else if (ctx == CTX_REREAD) {
    res.body.write(req.body.readAll());
  }
});

function orNull(s: string | null): string {
  return s === null ? "(null)" : changetype<string>(s);
}

function requestLine(req: Request, res: Response): i64 {
  res.headers.set("x-method", req.method);
  res.headers.set("x-uri", req.uri);
  res.headers.set("x-path", req.path);
  res.headers.set("x-query", req.query);
  res.headers.set("x-param-name", orNull(req.queryParam("name")));
  res.headers.set("x-param-missing", orNull(req.queryParam("missing")));
  res.headers.set("x-protocol", req.protocolVersion);
  res.headers.set("x-source", req.sourceAddr);
  return respond();
}

function headerValues(req: Request, res: Response): i64 {
  const name = orNull(req.headers.get("x-name"));
  const values = req.headers.getAll(name);
  for (let i = 0; i < values.length; i++) res.headers.add("x-value", values[i]);
  res.headers.set("x-count", values.length.toString());
  res.headers.set("x-first", orNull(req.headers.get(name)));
  res.headers.set("x-has", req.headers.has(name) ? "1" : "0");
  // A long value comes back in the body, to keep it out of the header limits of real servers.
  if (values.length) res.body.write(values[values.length - 1]);
  return respond();
}

function headerNames(req: Request, res: Response): i64 {
  res.body.write(req.headers.names().join("\n"));
  return respond();
}

function mutate(req: Request, res: Response): i64 {
  req.method = "POST";
  req.path = "/new/path";
  req.headers.set("x-set", "one");
  req.headers.add("x-added", "a");
  req.headers.add("x-added", "b");
  req.headers.remove("x-remove-me");
  return next(CTX_MUTATE);
}

function readAll(req: Request, res: Response): i64 {
  const body = req.body.readAll();
  res.headers.set("x-eof", req.body.eof ? "1" : "0");
  res.headers.set("x-length", body.byteLength.toString());
  res.body.write(body);
  return respond();
}

function readChunks(req: Request, res: Response): i64 {
  const chunk = new Uint8Array(100);
  let chunks = 0;
  while (!req.body.eof) {
    const n = req.body.read(chunk);
    res.body.write(chunk.subarray(0, <i32>n));
    chunks++;
  }
  res.headers.set("x-chunks", chunks.toString());
  return respond();
}

function readEmptyBuffer(req: Request, res: Response): i64 {
  res.headers.set("x-read", req.body.read(new Uint8Array(0)).toString());
  return respond();
}

function bufferResponse(req: Request, res: Response): i64 {
  const enabled = enableFeatures(FEATURE_BUFFER_RESPONSE);
  res.headers.set("x-features", enabled.toString());
  return next(CTX_BUFFER_RESPONSE);
}

function rereadRequest(req: Request, res: Response): i64 {
  enableFeatures(FEATURE_BUFFER_REQUEST | FEATURE_BUFFER_RESPONSE);
  res.headers.set("x-first-read", req.body.readText());
  return next(CTX_REREAD);
}

function logging(req: Request, res: Response): i64 {
  res.headers.set("x-debug-enabled", log.enabled(LOG_LEVEL_DEBUG) ? "1" : "0");
  log.info("hello from the guest");
  log.write(LOG_LEVEL_WARN, "");
  log.error("h\u00e9llo");
  return respond();
}

function statusAndBody(req: Request, res: Response): i64 {
  res.status = 418;
  res.headers.set("x-status-read", res.status.toString());
  res.body.write("abc");
  const bytes = new Uint8Array(2);
  bytes[0] = 0x64;
  bytes[1] = 0x65;
  res.body.write(bytes);
  res.body.write(String.UTF8.encode("f"));
  return respond();
}

function configText(req: Request, res: Response): i64 {
  res.body.write(config.text());
  return respond();
}
