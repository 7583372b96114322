// The lifecycle exports, alone, so a guest's entry file can re-export them with one line and
// nothing else of the SDK becomes a wasm export:
//
//   export * from "@dapr-wasm/guest/assembly/exports";
// The abort replacement must be compiled in for `--use abort=httpHandlerAbort` to find it.
import "./abort";

export { handle_request, handle_response } from "./handler";
