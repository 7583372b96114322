/**
 * `new Agent().compose(daprWasmInterceptor(guest))`: Dapr's `httpPipeline` (calls the app makes
 * through the sidecar) without a sidecar. Each outgoing request goes through the guest, which may
 * rewrite it or answer it itself; the upstream response goes back through handle_response, and is
 * buffered for the guest to rewrite when it enables buffer_response.
 */
import {
  HeaderFields, createMiddleware, type DownstreamResponse, type GuestReference, type HeaderEntries, type Outcome,
  type PoolStats,
} from '@dapr-wasm/core';
import { readFileSource } from '@dapr-wasm/core/node';
import type { Dispatcher } from 'undici';
import {
  RelayController, asResponseHandler, type DispatchController, type ResponseHandler, type ResponseHeaders,
} from './dispatch-handler.js';
import { forwardedOptions, incomingOf, type DispatchOptions } from './request-options.js';

type Dispatch = (opts: DispatchOptions, handler: ResponseHandler) => boolean;

/** An undici compose interceptor (`agent.compose(interceptor)`), with the guest's lifecycle. */
export type DaprWasmInterceptor = Dispatcher.DispatcherComposeInterceptor & {
  readonly ready: Promise<void>;
  close(): Promise<void>;
  stats(): PoolStats;
};

function linesOf(headers: ResponseHeaders | undefined): HeaderEntries {
  const out: HeaderEntries = [];
  for (const [n, v] of Object.entries(headers ?? {})) for (const item of Array.isArray(v) ? v : [v]) out.push([n, item]);
  return out;
}

function headersOf(fields: HeaderFields | undefined): ResponseHeaders {
  const out: ResponseHeaders = {};
  if (!fields) return out;
  for (const [name, values] of fields.grouped()) out[name] = values.length === 1 ? values[0] : values;
  return out;
}

/** Response headers downstream sent, with the guest's pre-next headers filling in names it did not send. */
function withPresetHeaders(headers: ResponseHeaders, presets: HeaderFields | undefined, prefixLength: number): ResponseHeaders {
  const out = { ...headers };
  if (presets) for (const [name, values] of presets.grouped()) if (!(name in out)) out[name] = values.length === 1 ? values[0] : values;
  if (prefixLength && out['content-length'] !== undefined) out['content-length'] = String(Number(out['content-length']) + prefixLength);
  return out;
}

function deliver(user: ResponseHandler, relay: DispatchController, outcome: Extract<Outcome, { kind: 'respond' | 'fail' }>): void {
  const headers = headersOf(outcome.headers);
  headers['content-length'] = String(outcome.body.length);
  delete headers['transfer-encoding'];
  user.onResponseStart?.(relay, outcome.status, headers, '');
  if (outcome.body.length) user.onResponseData?.(relay, Buffer.from(outcome.body.buffer, outcome.body.byteOffset, outcome.body.byteLength));
  user.onResponseEnd?.(relay, outcome.kind === 'respond' ? headersOf(outcome.trailers) : {});
}

export function daprWasmInterceptor(guest: GuestReference): DaprWasmInterceptor {
  const mw = createMiddleware(guest, { capabilities: { trailers: true }, defaults: { readFile: readFileSource } });

  const interceptor = (dispatch: Dispatch): Dispatch => (opts, handler) => {
    const user = asResponseHandler(handler);
    const relay = new RelayController();
    user.onRequestStart?.(relay, {});
    let transportError: Error | undefined;
    let userStarted = false;
    let userEnded = false;

    const downstream = (fwd: Parameters<Parameters<typeof mw.handle>[1]>[0]) =>
      new Promise<DownstreamResponse>((resolve) => {
        const buffer = fwd.bufferResponse;
        const prefix = fwd.responseBodyPrefix?.length ? Buffer.from(fwd.responseBodyPrefix) : undefined;
        let status = 0;
        let headers: ResponseHeaders = {};
        const chunks: Buffer[] = [];
        dispatch(forwardedOptions(opts, fwd), {
          onRequestStart: (controller) => relay.attach(controller),
          onResponseStart: (_c, s, h, msg) => {
            status = s;
            headers = h;
            if (buffer) return;
            userStarted = true;
            user.onResponseStart?.(relay, fwd.responseStatus ?? s, withPresetHeaders(h, fwd.responseHeaders, prefix?.length ?? 0), msg);
            if (prefix) user.onResponseData?.(relay, prefix);
          },
          onResponseData: (_c, chunk) => {
            if (buffer) chunks.push(chunk);
            else user.onResponseData?.(relay, chunk);
          },
          onResponseEnd: (_c, trailers) => {
            if (!buffer) {
              userEnded = true;
              user.onResponseEnd?.(relay, trailers);
            }
            const body = buffer ? Buffer.concat(chunks) : undefined;
            resolve({ status, headers: () => linesOf(headers), trailers: () => linesOf(trailers), body });
          },
          onResponseError: (_c, err) => {
            transportError = err;
            resolve({ status: 502, headers: () => linesOf(headers), body: buffer ? new Uint8Array(0) : undefined, error: err });
          },
        });
      });

    void mw.handle(incomingOf(opts), downstream).then((outcome) => {
      if (relay.aborted) return void (userEnded || user.onResponseError?.(relay, relay.reason!));
      // An upstream that could not be reached is the caller's error to see, not a synthetic response.
      if (transportError && !userEnded) return void user.onResponseError?.(relay, transportError);
      switch (outcome.kind) {
        case 'sent':
          return;
        case 'abort':
          if (!userEnded) user.onResponseError?.(relay, outcome.error);
          return;
        default:
          if (userStarted) return void (userEnded || user.onResponseError?.(relay, outcome.kind === 'fail' ? outcome.error : new Error('response already started')));
          deliver(user, relay, outcome);
      }
    });
    return true;
  };

  // undici's handler and option types are wider than what this interceptor reads; the shapes it
  // relies on are checked at run time (asResponseHandler, incomingOf).
  return Object.assign(interceptor as unknown as Dispatcher.DispatcherComposeInterceptor, {
    ready: mw.ready, close: () => mw.close(), stats: () => mw.stats(),
  });
}
