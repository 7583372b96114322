/**
 * The in-process rows: one `handle()` call per iteration against the core, each row a guest doing
 * one kind of work. `check` runs once before timing, so a guest that silently stopped doing its job
 * (a rewrite that no longer rewrites) fails the run instead of looking fast.
 */
import { createMiddleware, type Downstream, type ForwardedRequest, type IncomingRequest, type Outcome } from '@dapr-wasm/core';
import { guestBytes, type BenchGuest } from '../guests.js';
import { noGuest } from './baseline.js';
import { bytesOf, capturedDownstream, streamedDownstream, syntheticRequest } from './synthetic.js';

export interface InProcessCase {
  readonly key: string;
  readonly label: string;
  readonly guest?: BenchGuest;
  readonly request: IncomingRequest;
  readonly downstream: Downstream;
  check?(forwarded: ForwardedRequest | undefined, outcome: Outcome): string | undefined;
}

export interface Subject {
  handle(request: IncomingRequest, downstream: Downstream): Promise<Outcome>;
  close(): Promise<void>;
}

const KB = 1024;
const plain = syntheticRequest();

function sentOnly(_f: ForwardedRequest | undefined, o: Outcome): string | undefined {
  return o.kind === 'sent' ? undefined : `expected outcome "sent", got "${o.kind}"`;
}

function readsBody(size: number): InProcessCase {
  const label = size >= KB * KB ? `${size / KB / KB} MB` : `${size / KB} KB`;
  return {
    key: `read-body-${label.replace(' ', '').toLowerCase()}`,
    label: `request body read ${label} (buffer_request)`,
    guest: 'read-body',
    request: syntheticRequest(bytesOf(size)),
    downstream: streamedDownstream,
    check: (f, o) => (f?.body?.length === size ? sentOnly(f, o) : `downstream got ${f?.body?.length} body bytes, wanted ${size} replayed`),
  };
}

export const inProcessCases: InProcessCase[] = [
  {
    key: 'baseline',
    label: 'no guest (same async chain, baseline)',
    request: plain,
    downstream: streamedDownstream,
    check: sentOnly,
  },
  {
    key: 'noop',
    label: 'no-op guest (next=1, no host calls)',
    guest: 'noop',
    request: plain,
    downstream: streamedDownstream,
    check: sentOnly,
  },
  {
    key: 'set-header',
    label: 'set one response header',
    guest: 'set-header',
    request: plain,
    downstream: streamedDownstream,
    check: (f, o) => (f?.responseHeaders?.values('x-wasm')[0] === '1' ? sentOnly(f, o) : 'x-wasm header not set before next'),
  },
  {
    key: 'rewrite',
    label: 'URI rewrite (get_uri + set_uri + 1 header)',
    guest: 'rewrite',
    request: plain,
    downstream: streamedDownstream,
    check: (f, o) => (f?.uri === '/v1/items/42?view=full' ? sentOnly(f, o) : `uri forwarded as ${f?.uri}`),
  },
  readsBody(KB),
  readsBody(64 * KB),
  readsBody(KB * KB),
  {
    key: 'rewrite-response-1kb',
    label: 'response body rewrite 1 KB (buffer_response)',
    guest: 'rewrite-response',
    request: plain,
    downstream: capturedDownstream(bytesOf(KB)),
    check: (_f, o) => (o.kind === 'respond' && o.body.length === KB ? undefined : `expected a 1 KB rewritten response, got ${o.kind}`),
  },
  {
    key: 'wasi-command',
    label: 'WASI command, TinyGo-like (clock + random + header)',
    guest: 'wasi-command',
    request: plain,
    downstream: streamedDownstream,
    check: (f, o) => (f?.responseHeaders?.values('x-wasi')[0] === '1' ? sentOnly(f, o) : 'x-wasi header not set'),
  },
];

/** The middleware for a case (or the guest-less chain), ready to serve. */
export async function subjectFor(c: InProcessCase): Promise<Subject> {
  if (!c.guest) return { handle: noGuest.handle, close: async () => {} };
  const mw = createMiddleware({ bytes: guestBytes(c.guest), name: c.guest, maxBodyBytes: 2 * KB * KB });
  await mw.ready;
  return mw;
}

/** Runs a case once with a downstream that records what it was handed. */
export async function checkCase(c: InProcessCase, subject: Subject): Promise<void> {
  let forwarded: ForwardedRequest | undefined;
  const recording: Downstream = (f) => {
    forwarded = f;
    return c.downstream(f);
  };
  const outcome = await subject.handle(c.request, recording);
  const problem = c.check?.(forwarded, outcome);
  if (problem) throw new Error(`in-process row "${c.label}" is broken: ${problem}`);
}
