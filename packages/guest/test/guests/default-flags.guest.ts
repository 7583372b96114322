// Built with the repository's default asc flags (no "// asc:" line: stub runtime, `--use abort=`),
// to show the SDK links with only http_handler imports there too.
import { handleRequest, next } from "../../assembly/index";
export * from "../../assembly/exports";

handleRequest((req, res) => {
  res.headers.set("x-path", req.path);
  return next();
});
