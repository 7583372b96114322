/** The guests these tests run, built from guests/express/ by scripts/build-guests.mjs. */
import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

function guestUrl(pathFromRoot: string): string {
  const path = root + pathFromRoot;
  if (!existsSync(path)) throw new Error(`${pathFromRoot} is not built; run \`node scripts/build-guests.mjs\``);
  return pathToFileURL(path).href;
}

/** Does what the request's `x-guest-*` headers ask (see guests/express/directed.guest.ts). */
export const directedGuest = (): string => guestUrl('guests/express/directed.wasm');
/** Prefixes the URI with /v2 for `x-cohort: b`; never reads the body. */
export const cohortRouterGuest = (): string => guestUrl('guests/express/cohort-router.wasm');
