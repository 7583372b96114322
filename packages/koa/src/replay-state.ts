/**
 * The core's replayBody re-points a request's stream methods at the bytes it replays, but leaves
 * `closed` and `destroyed` as the original stream set them: true once the host read the body to
 * the end. @koa/bodyparser answers such a request 499 "Request already closed" before parsing.
 * Until the core replays those too, they follow the replay here: set once it was read through.
 */
import type { IncomingMessage } from 'node:http';

export function reflectReplayState(req: IncomingMessage): void {
  for (const property of ['closed', 'destroyed'] as const) {
    // readableEnded is already the replay's, as replayBody defines it.
    Object.defineProperty(req, property, { configurable: true, get: () => req.readableEnded });
  }
}
