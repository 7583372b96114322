/**
 * What a harness Target (test/harness/types.ts) passes to an app that runs in another runtime, as
 * JSON config: the backend's name, the guest config (bytes as base64, since JSON has none) and the
 * adapter options. Runtime-neutral, because the app side imports it inside Bun, Deno and workerd.
 */
import type { BackendName } from '../harness/backends.js';

/** The key under which the Target's guest reaches the app in AppBindings.guests. */
export const TARGET_GUEST = 'guest';

export type EncodedGuestConfig = { text: string } | { base64: string };

/**
 * How the app mounts its guest (packages/hono): `middleware` is `app.use('*', daprWasm(guest, { app }))`,
 * re-dispatching a rewritten request through the app; `fetch` wraps the whole app with
 * `daprWasmFetch(app, guest)`, so the guest runs before Hono routes.
 */
export type HonoMount = 'middleware' | 'fetch';

export interface TargetAppConfig {
  backend: BackendName;
  /** @default 'middleware' */
  mount?: HonoMount;
  guestConfig?: EncodedGuestConfig;
  /** Only JSON values cross into Bun, Deno and workerd (spec-json.ts refuses the rest). */
  adapterOptions?: Record<string, unknown>;
}

export function encodeGuestConfig(value: string | Uint8Array): EncodedGuestConfig {
  if (typeof value === 'string') return { text: value };
  let binary = '';
  for (const byte of value) binary += String.fromCharCode(byte);
  return { base64: btoa(binary) };
}

export function decodeGuestConfig(encoded: EncodedGuestConfig | undefined): string | Uint8Array | undefined {
  if (encoded === undefined) return undefined;
  if ('text' in encoded) return encoded.text;
  return Uint8Array.from(atob(encoded.base64), (ch) => ch.charCodeAt(0));
}
