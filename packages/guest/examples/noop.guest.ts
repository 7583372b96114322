// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// The smallest guest: it registers no handler, so every request goes to the next handler untouched
// and handle_response does nothing. In your own project the line reads
//   export * from "@dapr-wasm/guest/assembly/exports";
export * from "../assembly/exports";
