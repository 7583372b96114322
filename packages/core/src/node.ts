/**
 * @dapr-wasm/core/node: the Node-only pieces, kept out of the main entry so it imports nothing
 * from `node:*`: reading `file://` guests, and the node:http layer the Express and Koa adapters
 * share (request description, forwarding, response capture, sending).
 */
import { readFile as fsReadFile } from 'node:fs/promises';
import type { FileReader } from './options.js';

/** Reads a guest from disk; relative paths resolve against the process's working directory, as in Dapr. */
export const readFileSource: FileReader = async (path) => {
  const b = await fsReadFile(path);
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};

export { nodeIncoming, readNodeBody, requestHasBody, type NodeRequest } from './node/incoming.js';
export { fieldLines } from './exchange/field-lines.js';
export { applyForwarded, nodeHeaderObject } from './node/forward.js';
export { replayBody } from './node/body-replay.js';
export { captureResponse, observeResponse, watchResponse, type ResponseTap } from './node/response-capture.js';
export { sendOutcome } from './node/send.js';
export { responseFieldLines, setResponseHeaders, clearResponseHeaders, type NodeResponse } from './node/response-headers.js';
