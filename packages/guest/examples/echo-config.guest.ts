// asc: --runtime minimal --optimize --noAssert --use abort=httpHandlerAbort
// Answers every request with the guest configuration (Dapr's guestConfig) as the body, byte for
// byte: configuration need not be UTF-8, so it is copied as bytes, never decoded.
import { config, handleRequest, respond } from "../assembly/index";
export * from "../assembly/exports";

handleRequest((req, res) => {
  res.body.write(config.bytes());
  return respond();
});
