/**
 * Runs one synthetic request through a guest on the real core (createMiddleware(...).handle) with
 * a stub downstream, and reports every side of the exchange: the request, what downstream saw
 * (or that it was never called), the final response, the guest's log, and any failure.
 */
import { createMiddleware, headerLines, type HeaderEntries, type Outcome } from '@dapr-wasm/core';
import { bodyView, errorView, type BodyView, type ErrorView } from '../format.js';
import type { GuestBytes } from '../guest-source.js';
import { collectingLogger, type LogLine } from '../log-lines.js';
import { incomingRequest, type RequestSpec } from './request.js';
import { stubDownstream, type ResponseSpec } from './stub-downstream.js';

export interface MessageView {
  readonly headers: HeaderEntries;
  readonly body: BodyView;
}

export interface InvokeReport {
  readonly guest: string;
  readonly request: MessageView & { readonly method: string; readonly uri: string };
  /** True when the guest returned next=1 and downstream ran. */
  readonly next: boolean;
  readonly downstream: (MessageView & { readonly method: string; readonly uri: string; readonly bufferResponse: boolean }) | null;
  /** What the client would receive; null when the guest could not start or the response was aborted. */
  readonly response: (MessageView & { readonly status: number; readonly trailers?: HeaderEntries }) | null;
  /** 'respond': the guest's (or its buffered) response; 'sent': downstream's, streamed; 'fail' / 'abort': a failure. */
  readonly outcome: Outcome['kind'] | 'not-started';
  readonly error: ErrorView | null;
  readonly log: readonly LogLine[];
}

export interface InvokeOptions {
  readonly guestConfig?: Uint8Array | undefined;
  readonly deadlineMs?: number | undefined;
}

const copy = (h: HeaderEntries): HeaderEntries => h.map(([n, v]) => [n, v]);

async function finalResponse(outcome: Outcome, streamed: Response | undefined): Promise<InvokeReport['response']> {
  if (outcome.kind === 'abort') return null;
  if (outcome.kind === 'sent') {
    const res = streamed!;
    return { status: res.status, headers: headerLines(res.headers), body: bodyView(new Uint8Array(await res.arrayBuffer())) };
  }
  const trailers = outcome.kind === 'respond' && outcome.trailers?.size ? { trailers: copy(outcome.trailers.entries()) } : {};
  return { status: outcome.status, headers: copy(outcome.headers.entries()), body: bodyView(outcome.body), ...trailers };
}

export async function invokeGuest(guest: GuestBytes, request: RequestSpec, response: ResponseSpec, options: InvokeOptions = {}): Promise<InvokeReport> {
  const log: LogLine[] = [];
  const requestView = { method: request.method, uri: request.uri, headers: copy(request.headers), body: bodyView(request.body) };
  const mw = createMiddleware(
    { bytes: guest.bytes, name: guest.name, logger: collectingLogger(log), guestConfig: options.guestConfig, deadlineMs: options.deadlineMs, poolSize: 1 },
    // Trailers as the Node host (Express) grants them.
    { capabilities: { trailers: true } },
  );
  try {
    try {
      await mw.ready;
    } catch (err) {
      const error = errorView(err);
      // The core logs its creation error too; the report carries it once, as `error`.
      const rest = log.filter((l) => l.message !== error.message);
      return { guest: guest.name, request: requestView, next: false, downstream: null, response: null, outcome: 'not-started', error, log: rest };
    }
    const stub = stubDownstream(request, response);
    const outcome = await mw.handle(incomingRequest(request), stub.downstream);
    const saw = stub.saw();
    const error = outcome.kind === 'fail' || outcome.kind === 'abort' ? errorView(outcome.error) : null;
    return {
      guest: guest.name,
      request: requestView,
      next: saw !== undefined,
      downstream: saw ? { method: saw.method, uri: saw.uri, headers: saw.headers, body: bodyView(saw.body), bufferResponse: saw.bufferResponse } : null,
      response: await finalResponse(outcome, stub.streamed()),
      outcome: outcome.kind,
      error,
      // The core logs a failure as well; the report carries it once, as `error`.
      log: error ? log.filter((l) => l.message !== error.message) : log,
    };
  } finally {
    await mw.close();
  }
}
