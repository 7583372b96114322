/**
 * A module from an http(s) URL, the way production needs it: a cached copy that matches the pin is
 * used without asking the network; otherwise the origin is asked (conditionally, when a copy is
 * cached) and what it sends is checked and cached. If the origin cannot be reached (connection
 * failure, timeout, 5xx) a cached copy keeps the app starting, with a warning. A 404 does not fall
 * back: the origin answered, and said the module is gone.
 */
import type { Dispatcher } from 'undici';
import { COMPONENT_ERROR_CODES, DaprComponentError } from './component-error.js';
import { downloadModule } from './http-download.js';
import type { LoadedModule } from './loaded-module.js';
import { ModuleCache, type CachedModule } from './module-cache.js';
import { checkModule, type ModuleTarget } from './module-check.js';
import type { ResolvedModuleSourceOptions } from './module-source-options.js';

export interface RemoteModuleContext {
  options: ResolvedModuleSourceOptions;
  dispatcher: Dispatcher;
  warn(message: string): void;
  signal?: AbortSignal | undefined;
}

export async function fetchRemoteModule(target: ModuleTarget, context: RemoteModuleContext): Promise<LoadedModule> {
  const { options } = context;
  const cache = options.cacheDir === undefined ? undefined : new ModuleCache(options.cacheDir);
  const cached = await cache?.read(target.url);
  // A pinned digest names exactly one module: a cached copy with that digest needs no revalidation.
  if (cached && target.sha256 !== undefined && cached.sha256 === target.sha256) {
    return { bytes: cached.bytes, sha256: cached.sha256, origin: 'cache' };
  }

  let download;
  try {
    download = await downloadModule({ component: target.name, url: target.url }, options, context.dispatcher, cached, context.signal);
  } catch (err) {
    if (!cached || !isOutage(err)) throw err;
    context.warn(`${(err as Error).message}; starting with the copy cached at ${cached.storedAt}`);
    return fromCache(cached, target, ' (the cached copy)');
  }
  if (download.notModified) return { ...fromCache(cached!, target, ' (the cached copy)'), origin: 'revalidated' };

  const sha256 = checkModule(download.bytes, target);
  if (cache) {
    try {
      await cache.write({ url: target.url, bytes: download.bytes, sha256, etag: download.etag, lastModified: download.lastModified });
    } catch (err) {
      context.warn(`component "${target.name}" (${target.url}): cannot cache the module in ${cache.dir}: ${(err as Error).message}`);
    }
  }
  return { bytes: download.bytes, sha256, origin: 'network' };
}

function fromCache(cached: CachedModule, target: ModuleTarget, origin: string): LoadedModule {
  return { bytes: cached.bytes, sha256: checkModule(cached.bytes, target, origin), origin: 'cache' };
}

/** The origin could not answer; as opposed to answering no (404) or sending the wrong thing. */
function isOutage(err: unknown): boolean {
  if (!(err instanceof DaprComponentError)) return false;
  if (err.code === COMPONENT_ERROR_CODES.TIMEOUT || err.code === COMPONENT_ERROR_CODES.CONNECT) return true;
  return err.code === COMPONENT_ERROR_CODES.HTTP_STATUS && err.status !== undefined && err.status >= 500;
}
