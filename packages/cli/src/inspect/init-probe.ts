/**
 * What a guest asked for while it initialised (start section, `_initialize`, `_start`), observed
 * on the real core: the core's public API does not report the features a guest enabled at init,
 * so this watches the core's own `http_handler` imports for the one instance `ready` starts.
 *
 * Every instance the core creates goes through `WebAssembly.instantiate(module, imports)`; for the
 * duration of `start()` that call is wrapped, and `enable_features` / `get_config` in the imports
 * it receives are tapped. Calls seen before `ready` settles are init calls by construction: no
 * request has run yet. Nothing is changed: arguments and results pass through untouched.
 */
export interface InitObservation {
  /** Instances the core created while starting (1 with warmInstances 1). */
  readonly instances: number;
  /** Every enable_features call: the bits asked for and the whole set the host reported enabled. */
  readonly enableCalls: readonly { readonly requested: number; readonly enabled: number }[];
  /** The union of the bits asked for. */
  readonly requested: number;
  /** The set enabled for every request: enable_features' last answer (0 if never called). */
  readonly enabled: number;
  /** get_config calls made during init, with the length the host answered. */
  readonly configReads: number;
}

type Instantiate = typeof WebAssembly.instantiate;
type HostFunction = (...args: number[]) => unknown;

export async function observeInit<T>(start: () => Promise<T>): Promise<{ result: PromiseSettledResult<T>; init: InitObservation }> {
  const enableCalls: { requested: number; enabled: number }[] = [];
  let instances = 0;
  let configReads = 0;

  const tap = (imports: WebAssembly.Imports | undefined): WebAssembly.Imports | undefined => {
    const host = imports?.http_handler as Record<string, HostFunction> | undefined;
    if (!imports || !host) return imports;
    instances++;
    const tapped: Record<string, HostFunction> = { ...host };
    if (host.enable_features) {
      tapped.enable_features = (features) => {
        const enabled = host.enable_features(features) as number;
        enableCalls.push({ requested: features >>> 0, enabled: enabled >>> 0 });
        return enabled;
      };
    }
    if (host.get_config) {
      tapped.get_config = (...args) => {
        configReads++;
        return host.get_config(...args);
      };
    }
    return { ...imports, http_handler: tapped as WebAssembly.ModuleImports };
  };

  const original: Instantiate = WebAssembly.instantiate;
  const wrapped = ((source: WebAssembly.Module | BufferSource, imports?: WebAssembly.Imports) =>
    original.call(WebAssembly, source as WebAssembly.Module, tap(imports))) as Instantiate;
  Reflect.set(WebAssembly, 'instantiate', wrapped);
  let result: PromiseSettledResult<T>;
  try {
    result = { status: 'fulfilled', value: await start() };
  } catch (reason) {
    result = { status: 'rejected', reason };
  } finally {
    Reflect.set(WebAssembly, 'instantiate', original);
  }
  return {
    result,
    init: {
      instances,
      enableCalls,
      requested: enableCalls.reduce((all, c) => all | c.requested, 0),
      enabled: enableCalls.at(-1)?.enabled ?? 0,
      configReads,
    },
  };
}
