/**
 * Starts every Component of a pipeline at once, each within its `initTimeout`, and applies
 * `spec.ignoreErrors`: a Component that fails is left out with a warning if it allows that, and
 * otherwise fails the whole start, after what did start is disposed of.
 */
import { COMPONENT_ERROR_CODES, DaprComponentError } from '../modules/component-error.js';
import type { WasmComponent } from '../types.js';

export interface ComponentFailure {
  readonly component: WasmComponent;
  readonly error: Error;
}

export interface StartedComponents<T> {
  /** In the order of the Components given, without those that failed. */
  readonly started: T[];
  /** Components left out under `ignoreErrors`. */
  readonly failed: ComponentFailure[];
}

export interface StartPolicy<T> {
  defaultInitTimeoutMs: number;
  /** Honour `spec.ignoreErrors`; false when replacing a guest that serves, where a failure must keep the old one. */
  ignoreErrors: boolean;
  /** Releases a component that started too late or whose siblings failed. */
  dispose(value: T): unknown;
  warn(message: string, component: WasmComponent): void;
}

export async function startComponents<T>(
  components: readonly WasmComponent[],
  start: (component: WasmComponent, signal: AbortSignal) => Promise<T>,
  policy: StartPolicy<T>,
): Promise<StartedComponents<T>> {
  const results = await Promise.allSettled(components.map((c) => startWithinTimeout(c, start, policy)));
  const fatal = results.findIndex((r, i) => r.status === 'rejected' && !(policy.ignoreErrors && components[i]!.ignoreErrors));
  if (fatal !== -1) {
    await Promise.all(results.map((r) => (r.status === 'fulfilled' ? policy.dispose(r.value) : undefined)));
    throw (results[fatal] as PromiseRejectedResult).reason;
  }
  const started: T[] = [];
  const failed: ComponentFailure[] = [];
  results.forEach((r, i) => {
    if (r.status === 'fulfilled') return void started.push(r.value);
    const error = r.reason instanceof Error ? r.reason : new Error(String(r.reason));
    policy.warn(`ignoreErrors is set, so the Component is left out of the pipeline: ${error.message}`, components[i]!);
    failed.push({ component: components[i]!, error });
  });
  return { started, failed };
}

/**
 * Dapr's `initTimeout` covers the whole start: download, compile, first instance. When it runs
 * out the download is aborted, and a guest that still starts later is disposed of.
 */
function startWithinTimeout<T>(
  component: WasmComponent,
  start: (component: WasmComponent, signal: AbortSignal) => Promise<T>,
  policy: StartPolicy<T>,
): Promise<T> {
  const ms = component.initTimeoutMs ?? policy.defaultInitTimeoutMs;
  const controller = new AbortController();
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const timer = setTimeout(() => {
      settled = true;
      const error = new DaprComponentError(
        COMPONENT_ERROR_CODES.INIT_TIMEOUT,
        `loading and starting the guest took longer than initTimeout (${ms} ms); raise spec.initTimeout if the module is large or far away`,
        { component: component.name, url: component.url },
      );
      controller.abort(error);
      reject(error);
    }, ms);
    start(component, controller.signal).then(
      (value) => {
        if (settled) return void policy.dispose(value);
        settled = true;
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
