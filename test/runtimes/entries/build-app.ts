/**
 * Turns a ServeSpec into a running app's fetch handler. Shared by the in-process node launchers and
 * the Bun and Deno entries, so it uses only what all three provide: `node:fs` and WebAssembly.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { GetConnInfo } from 'hono/conninfo';
import type { AppFactory, FetchApp, RuntimeName, ServeSpec } from '../app-contract.js';

export async function compileGuests(paths: Record<string, string>): Promise<Record<string, WebAssembly.Module>> {
  const entries = await Promise.all(
    Object.entries(paths).map(async ([name, path]) => [name, await WebAssembly.compile(await readFile(path))] as const),
  );
  return Object.fromEntries(entries);
}

export async function buildApp(spec: ServeSpec, runtime: RuntimeName, getConnInfo: GetConnInfo): Promise<FetchApp> {
  const module = (await import(pathToFileURL(spec.app).href)) as { default?: AppFactory };
  if (typeof module.default !== 'function') throw new TypeError(`${spec.app} must default-export an AppFactory`);
  const guests = await compileGuests(spec.guests);
  return module.default({ runtime, guests, guestFiles: spec.guests, config: spec.config, getConnInfo });
}
