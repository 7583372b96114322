/** Sends an Outcome on a Node response: the final word of every Node adapter. */
import type { Outcome } from '../exchange/port.js';
import type { ResponseTap } from './response-capture.js';
import { clearResponseHeaders, setResponseHeaders, type NodeResponse } from './response-headers.js';

/** `tap` is the interception made for this request, undone before the final response is written. */
export function sendOutcome(res: NodeResponse, outcome: Outcome, tap?: ResponseTap): void {
  tap?.restore();
  switch (outcome.kind) {
    case 'sent':
      return;
    case 'abort':
      if (!res.writableEnded) res.destroy(outcome.error);
      return;
    case 'fail':
      if (res.headersSent) {
        if (!res.writableEnded) res.destroy(outcome.error);
        return;
      }
    // falls through: nothing was sent yet, so the failure is an ordinary response
    case 'respond': {
      if (res.headersSent || res.writableEnded) return;
      clearResponseHeaders(res);
      setResponseHeaders(res, outcome.headers);
      res.statusCode = outcome.status;
      const trailers = outcome.kind === 'respond' ? outcome.trailers : undefined;
      const body = Buffer.from(outcome.body.buffer, outcome.body.byteOffset, outcome.body.byteLength);
      if (trailers?.size) {
        // Trailers need chunked encoding, so no Content-Length. Naming the encoding explicitly
        // keeps HTTP/1.1 chunked even if a header removal above disabled Node's default.
        res.removeHeader('content-length');
        if ('chunkedEncoding' in res) res.setHeader('transfer-encoding', 'chunked');
        res.setHeader('trailer', trailers.names().join(', '));
        (res as { write(b: Buffer): boolean }).write(body);
        // As [name, value] pairs, so each trailer value stays its own field line.
        (res.addTrailers as (h: unknown) => void).call(res, trailers.entries());
        (res as { end(): void }).end();
        return;
      }
      res.removeHeader('transfer-encoding');
      // A Trailer header announcing trailers that will not come would break the response.
      res.removeHeader('trailer');
      const bodiless = outcome.status === 204 || outcome.status === 304 || (outcome.status >= 100 && outcome.status < 200);
      // A HEAD response keeps the Content-Length the GET would have had, and sends no body.
      const head = (res as { req?: { method?: string } }).req?.method === 'HEAD';
      if (!bodiless && !(head && res.hasHeader('content-length'))) res.setHeader('content-length', body.length);
      (res as { end(b?: Buffer): void }).end(bodiless || head ? undefined : body);
    }
  }
}
