/**
 * Loads each Component's guest module as bytes for the core (which stays Web-only): `file:` from
 * disk, `http(s):` through undici with the cache. One loader serves one load of a pipeline and owns
 * the connection pool it opened, closed with it.
 */
import { Agent, type Dispatcher } from 'undici';
import type { WasmComponent } from '../types.js';
import { COMPONENT_ERROR_CODES, DaprComponentError } from './component-error.js';
import { readFileModule } from './file-module.js';
import type { LoadedModule } from './loaded-module.js';
import type { ModuleTarget } from './module-check.js';
import { parseSha256Pin } from './module-digest.js';
import type { ResolvedModuleSourceOptions } from './module-source-options.js';
import { fetchRemoteModule } from './remote-module.js';

export class ModuleLoader {
  private agent: Agent | undefined;

  constructor(
    readonly options: ResolvedModuleSourceOptions,
    private readonly warn: (message: string) => void,
  ) {}

  /** The Component's module, checked against its pin. `signal` aborts a download in progress. */
  async load(component: WasmComponent, signal?: AbortSignal): Promise<LoadedModule> {
    const target = moduleTarget(component, this.options);
    const scheme = new URL(target.url).protocol;
    if (scheme === 'file:') return readFileModule(target, this.options.maxModuleBytes);
    if (scheme === 'http:' || scheme === 'https:') {
      return fetchRemoteModule(target, { options: this.options, dispatcher: this.dispatcher(), warn: this.warn, signal });
    }
    throw new DaprComponentError(COMPONENT_ERROR_CODES.READ, `unsupported URL scheme ${scheme}`, { component: component.name, url: component.url });
  }

  async close(): Promise<void> {
    const agent = this.agent;
    this.agent = undefined;
    await agent?.close();
  }

  private dispatcher(): Dispatcher {
    return this.options.dispatcher ?? (this.agent ??= new Agent({ connect: { timeout: this.options.connectTimeoutMs } }));
  }
}

/**
 * The pin is the Component's `sha256` metadata or the `modules.sha256` option for its name; when
 * both are set they must agree, since two different pins for one module is a mistake either way.
 */
export function moduleTarget(component: WasmComponent, options: ResolvedModuleSourceOptions): ModuleTarget {
  const at = { component: component.name, url: component.url };
  const given = options.sha256[component.name];
  let optionPin: string | undefined;
  if (given !== undefined) {
    try {
      optionPin = parseSha256Pin(given);
    } catch (cause) {
      throw new DaprComponentError(COMPONENT_ERROR_CODES.DIGEST, `modules.sha256: ${(cause as Error).message}`, { ...at, cause });
    }
  }
  if (optionPin !== undefined && component.sha256 !== undefined && optionPin !== component.sha256) {
    throw new DaprComponentError(
      COMPONENT_ERROR_CODES.DIGEST,
      `pinned twice with different digests: metadata sha256 ${component.sha256}, modules.sha256 ${optionPin}`,
      at,
    );
  }
  return { name: component.name, url: component.url, sha256: component.sha256 ?? optionPin };
}
