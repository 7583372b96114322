/**
 * @dapr-wasm/express: `app.use(daprWasm('file://./router.wasm'))`. Translates Express's req/res to
 * the core's port and back; every ABI rule lives in @dapr-wasm/core.
 */
import { createMiddleware, type GuestReference, type PoolStats } from '@dapr-wasm/core';
import {
  applyForwarded, captureResponse, nodeIncoming, readFileSource, sendOutcome, watchResponse, type ResponseTap,
} from '@dapr-wasm/core/node';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

export type { WasmMiddlewareOptions, GuestReference } from '@dapr-wasm/core';

export interface DaprWasmHandler extends RequestHandler {
  /** Settles when the guest is loaded and one instance started; rejects with the creation error. */
  readonly ready: Promise<void>;
  /** Stops taking requests; resolves when in-flight ones finished. */
  close(): Promise<void>;
  stats(): PoolStats;
}

/** Express 4 parses `req.query` once, before any middleware; a rewritten URI needs it again. */
function refreshQuery(req: Request): void {
  if (!Object.prototype.hasOwnProperty.call(req, 'query')) return; // Express 5 derives it on access
  const parse = req.app?.get('query parser fn') as ((q: string) => unknown) | undefined;
  if (!parse) return;
  const at = req.url.indexOf('?');
  (req as { query: unknown }).query = parse(at < 0 ? '' : req.url.slice(at + 1));
}

/** Sending the outcome failed (say, headers Node refuses): the client still gets an answer. */
function sendFailed(res: Response, err: unknown): void {
  if (!res.headersSent) res.status(500).type('text/plain').end('Internal Server Error\n');
  else res.destroy(err as Error);
}

export function daprWasm(guest: GuestReference): DaprWasmHandler {
  const mw = createMiddleware(guest, { capabilities: { trailers: true }, defaults: { readFile: readFileSource } });

  const handler = function daprWasm(req: Request, res: Response, next: NextFunction): void {
    let tap: ResponseTap | undefined;
    void mw
      .handle(nodeIncoming(req), (fwd) => {
        applyForwarded(req, fwd);
        if (fwd.uri !== undefined) refreshQuery(req);
        tap = fwd.bufferResponse ? captureResponse(res, fwd) : watchResponse(res, fwd);
        next();
        return tap.result;
      })
      .then(
        (outcome) => {
          try {
            sendOutcome(res, outcome, tap);
          } catch (err) {
            sendFailed(res, err);
          }
        },
        (err: unknown) => sendFailed(res, err),
      );
  };
  return Object.assign(handler, { ready: mw.ready, close: () => mw.close(), stats: () => mw.stats() });
}

export default daprWasm;
