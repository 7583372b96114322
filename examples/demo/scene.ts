/**
 * A scene of the demo: one example app with its guest, and the requests that show what the guest
 * does. Each request carries its own check, so the demo fails (exit 1) when a behaviour it claims
 * did not happen.
 */
import type { RequestListener } from 'node:http';
import type { LogRecorder } from '../shared/log-recorder.js';

export interface Sent {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface Seen {
  status: number;
  headers: Headers;
  text: string;
  /** What the guest logged through the app's logger while handling the request. */
  logs: string[];
}

export interface Step {
  send: Sent;
  /** What the reader should notice, in one line. */
  shows: string;
  /** Response headers worth printing next to the status. */
  showHeaders?: string[];
  /** How many log lines the request produces; the demo waits for them. @default 0 */
  logLines?: number;
  /** Returns what went wrong, or nothing when the behaviour happened. */
  check(seen: Seen): string | undefined;
}

export interface StartedScene {
  listener: RequestListener;
  wasm: { ready: Promise<void>; close(): Promise<void> };
}

export interface Scene {
  /** The example folder under examples/. */
  example: string;
  framework: 'Express' | 'Koa' | 'Hono';
  /** One sentence: what the guest is for. */
  story: string;
  start(log: LogRecorder): StartedScene | Promise<StartedScene>;
  steps: Step[];
  /** A closing check over many requests (e.g. a traffic split), printed as one line. */
  finale?(url: string): Promise<{ shows: string; problem?: string }>;
  /** Commands to try it by hand, printed with --serve. */
  curl(url: string): string[];
}

/** Small checks the scenes compose. */
export const expectThat = {
  status: (seen: Seen, status: number) => (seen.status === status ? undefined : `expected status ${status}, got ${seen.status}`),
  includes: (seen: Seen, text: string) => (seen.text.includes(text) ? undefined : `expected the body to include ${JSON.stringify(text)}`),
  excludes: (seen: Seen, text: string) => (seen.text.includes(text) ? `expected the body not to include ${JSON.stringify(text)}` : undefined),
  header: (seen: Seen, name: string, value: string | null) =>
    seen.headers.get(name) === value ? undefined : `expected ${name}: ${value ?? '(absent)'}, got ${seen.headers.get(name) ?? '(absent)'}`,
  /** The first problem among several checks. */
  all: (...problems: (string | undefined)[]) => problems.find((p) => p !== undefined),
};
