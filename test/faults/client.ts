/**
 * How the fault matrix talks to an app: undici over the app's own dispatcher where it needs one
 * (HTTP/2), else a fresh Agent per app; answers are timed, because "stopped within the deadline"
 * and "answered after the runaway" are claims about time. Clients that give up half-way (an upload
 * or a download cut off) are here too.
 */
import { Readable } from 'node:stream';
import { Agent, request, type Dispatcher } from 'undici';
import type { PoolStats } from '@dapr-wasm/core';
import type { BackendName } from '../harness/backends.js';
import { guestRef } from '../harness/guests.js';
import type { AppUnderTest, StartOptions, Target } from '../harness/types.js';

export interface FaultApp {
  readonly url: string;
  readonly dispatcher: Dispatcher;
  stats?(): PoolStats;
  close(): Promise<void>;
}

export async function bootApp(target: Target, guest: string, backend: BackendName, options?: StartOptions): Promise<FaultApp> {
  const app: AppUnderTest & { dispatcher?: Dispatcher } = await target.start(guestRef(guest), backend, options);
  const own = app.dispatcher ? undefined : new Agent();
  return {
    url: app.url,
    dispatcher: app.dispatcher ?? own!,
    ...(app.stats ? { stats: () => app.stats!() } : {}),
    async close() {
      await own?.destroy();
      await app.close();
    },
  };
}

export interface Ask {
  readonly method?: string;
  readonly path?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
  /** @default 10000 */
  readonly timeoutMs?: number;
}

export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  readonly text: string;
  /** performance.now() when the request was sent and when its answer was complete. */
  readonly sentAt: number;
  readonly doneAt: number;
}

export async function ask(app: FaultApp, q: Ask = {}): Promise<Answer> {
  const sentAt = performance.now();
  const res = await request(`${app.url}${q.path ?? '/'}`, {
    method: (q.method ?? 'GET') as Dispatcher.HttpMethod,
    headers: q.headers,
    body: q.body,
    dispatcher: app.dispatcher,
    signal: AbortSignal.timeout(q.timeoutMs ?? 10_000),
  });
  const text = await res.body.text();
  return { status: res.statusCode, headers: res.headers, text, sentAt, doneAt: performance.now() };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Declares a body of `declared` bytes, sends `sent` of them, then gives up after `afterMs`, as a
 * client whose connection dropped mid-upload.
 */
export async function abandonUpload(app: FaultApp, headers: Record<string, string>, sent: number, declared: number, afterMs = 300): Promise<void> {
  const controller = new AbortController();
  const body = new Readable({ read() {} });
  body.push(Buffer.alloc(sent, 'u'));
  const pending = request(`${app.url}/upload`, {
    method: 'POST',
    headers: { ...headers, 'content-length': String(declared) },
    body,
    dispatcher: app.dispatcher,
    signal: controller.signal,
  }).then((res) => res.body.dump(), () => undefined);
  await pause(afterMs);
  controller.abort();
  body.destroy();
  await pending;
}

/** Reads the first piece of a streamed answer, then drops the connection, as a client that left. */
export async function abandonDownload(app: FaultApp, headers: Record<string, string>): Promise<number> {
  const controller = new AbortController();
  const res = await request(`${app.url}/download`, { headers, dispatcher: app.dispatcher, signal: controller.signal });
  for await (const _ of res.body) break;
  controller.abort();
  return res.statusCode;
}

/**
 * The pool counters once in-flight work has settled: an instance is returned just after its answer
 * went out, so a test polls briefly rather than racing it. Undefined where the app's counters are
 * not observable (capabilities.ts: poolStats).
 */
export async function settledStats(app: FaultApp, timeoutMs = 5000): Promise<PoolStats | undefined> {
  if (!app.stats) return undefined;
  const until = performance.now() + timeoutMs;
  let stats = app.stats();
  while ((stats.inUse !== 0 || stats.waiting !== 0) && performance.now() < until) {
    await pause(20);
    stats = app.stats();
  }
  return stats;
}
