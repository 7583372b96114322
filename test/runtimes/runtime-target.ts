/**
 * Turns a runtime launcher and an app module into a harness Target (test/harness/types.ts), so the
 * shared suites (the TCK, conformance) run unchanged against an app in any runtime. The app module
 * reads what the Target was asked for with `decodeGuestConfig` and the TargetAppConfig it receives.
 */
import type { BackendName } from '../harness/backends.js';
import type { Target } from '../harness/types.js';
import type { Launcher } from './launchers.js';
import { TARGET_GUEST, encodeGuestConfig, type HonoMount, type TargetAppConfig } from './target-app-config.js';

export function runtimeTarget(name: string, launcher: Launcher, appEntry: string, mount?: HonoMount): Target {
  return {
    name,
    start(guest, backend: BackendName, options = {}) {
      const config: TargetAppConfig = {
        backend,
        ...(mount === undefined ? {} : { mount }),
        ...(options.guestConfig === undefined ? {} : { guestConfig: encodeGuestConfig(options.guestConfig) }),
        ...(options.adapterOptions === undefined ? {} : { adapterOptions: { ...options.adapterOptions } }),
      };
      return launcher.start(appEntry, { guests: { [TARGET_GUEST]: guest.path }, config });
    },
  };
}
