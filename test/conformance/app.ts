/**
 * Booting apps for conformance cases. An app is a target (framework) with a conformance guest in
 * front of a harness backend. Apps with default settings are shared by every describe block of a
 * target (a runtime target spawns a process per app, so sharing keeps the suite fast); cases that
 * need their own settings (pool size, logger, guest config) start a fresh one.
 */
import { afterAll, beforeAll } from 'vitest';
import type { PoolStats } from '@dapr-wasm/core';
import type { BackendName } from '../harness/backends.js';
import { guestRef } from '../harness/guests.js';
import type { AppUnderTest, StartOptions, Target } from '../harness/types.js';
import { capabilitiesOf } from './capabilities.js';
import { forgetApp, reachOverHttp2 } from './http-client.js';

/** An app whose harness also exposes the middleware's pool counters (optional in the harness contract). */
export interface ObservedApp extends AppUnderTest {
  stats?(): PoolStats;
}

/** Starts an app and tells the client how to reach it (HTTP/2-only targets over node:http2). */
export async function startApp(target: Target, guest: string, backend: BackendName, options?: StartOptions): Promise<ObservedApp> {
  const app: ObservedApp & { ca?: string } = await target.start(guestRef(guest), backend, options);
  if (capabilitiesOf(target.name).wire !== 'h2') return app;
  reachOverHttp2(app.url, app.ca);
  return {
    url: app.url,
    ...(app.stats ? { stats: () => app.stats!() } : {}),
    close: async () => {
      forgetApp(app.url);
      await app.close();
    },
  };
}

const shared = new Map<string, { target: string; app: Promise<ObservedApp> }>();

function sharedApp(target: Target, guest: string, backend: BackendName): Promise<ObservedApp> {
  const key = `${target.name}\0${guest}\0${backend}`;
  let entry = shared.get(key);
  if (!entry) shared.set(key, (entry = { target: target.name, app: startApp(target, guest, backend) }));
  return entry.app;
}

/** Closes the apps a target's describe blocks shared; call once the target's cases are done. */
export async function closeSharedApps(target: Target): Promise<void> {
  for (const [key, entry] of shared) {
    if (entry.target !== target.name) continue;
    shared.delete(key);
    await entry.app.then((app) => app.close(), () => {});
  }
}

/**
 * An app for the enclosing describe block; call the getter inside its cases. Without options the
 * app is the target's shared one for this guest and backend.
 */
export function appFor(target: Target, guest: string, backend: BackendName, options?: StartOptions): () => ObservedApp {
  let app: ObservedApp | undefined;
  beforeAll(async () => {
    app = options ? await startApp(target, guest, backend, options) : await sharedApp(target, guest, backend);
  }, 20_000);
  afterAll(async () => {
    if (options) await app?.close();
  });
  return () => {
    if (!app) throw new Error('the app did not start (see the beforeAll failure)');
    return app;
  };
}

/** A fresh app for one case, closed however the case ends. */
export async function withApp<T>(
  target: Target,
  guest: string,
  backend: BackendName,
  options: StartOptions | undefined,
  run: (app: ObservedApp) => Promise<T>,
): Promise<T> {
  const app = await startApp(target, guest, backend, options);
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}
