/**
 * Lets the rest of the app read a request body the host already consumed. Node streams cannot be
 * rewound, and Express hands the same `req` object down the chain, so the request's stream methods
 * are re-pointed at a fresh stream holding the bytes. Body parsers (raw-body, co-body, busboy) use
 * exactly these methods and properties; `closed` must follow the replay too, or @koa/bodyparser
 * takes the consumed original for a dropped client.
 */
import { Readable } from 'node:stream';
import type { NodeRequest } from './incoming.js';

const streamMethods = [
  'on', 'once', 'addListener', 'prependListener', 'prependOnceListener', 'off', 'removeListener',
  'removeAllListeners', 'listeners', 'rawListeners', 'listenerCount', 'emit', 'read', 'pipe', 'unpipe',
  'pause', 'resume', 'isPaused', 'setEncoding', 'unshift', 'wrap', 'iterator',
] as const;
const streamProperties = ['readable', 'closed', 'destroyed', 'readableEnded', 'readableFlowing', 'readableLength', 'readableHighWaterMark', 'readableEncoding', 'readableObjectMode', 'readableAborted', 'readableDidRead'] as const;

export function replayBody(req: NodeRequest, body: Uint8Array): void {
  const replay = Readable.from(body.length ? [Buffer.from(body.buffer, body.byteOffset, body.byteLength)] : [], { objectMode: false });
  const target = req as unknown as Record<string | symbol, unknown>;
  for (const m of streamMethods) target[m] = (replay as unknown as Record<string, (...a: unknown[]) => unknown>)[m].bind(replay);
  target[Symbol.asyncIterator] = replay[Symbol.asyncIterator].bind(replay);
  for (const p of streamProperties) {
    Object.defineProperty(req, p, { configurable: true, get: () => (replay as unknown as Record<string, unknown>)[p] });
  }
  // body-parser skips a request it thinks was parsed already; ours has not been.
  delete target._body;
}
