/**
 * Runs one Dapr pipeline for a framework: loads the resources, starts one adapter middleware per
 * Component (through `factory`, so this file knows no framework), and keeps the current
 * Generation for the framework glue to run requests through. Reloads (from `reload()` or the file
 * watch) run one at a time; each builds and starts its guests completely before installing them,
 * so a failure anywhere leaves the serving pipeline untouched.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LOG_LEVEL_ERROR, LOG_LEVEL_INFO, LOG_LEVEL_WARN, type WasmMiddlewareOptions as CoreMiddlewareOptions } from '@dapr-wasm/core';
import { loadResources } from '../load-resources.js';
import { COMPONENT_ERROR_CODES, DaprComponentError } from '../modules/component-error.js';
import type { LoadedModule } from '../modules/loaded-module.js';
import { ModuleLoader } from '../modules/module-loader.js';
import type { WasmComponent } from '../types.js';
import { FileWatch, type WatchTarget } from './file-watch.js';
import { Generation, type AdapterHandle, type Stage } from './generation.js';
import type { DaprPipelineOptions, PipelineReloadEvent } from './pipeline-options.js';
import { guestOptions, pipelineSettings, selectPipeline, type PipelineSettings } from './pipeline-settings.js';
import { startComponents, type ComponentFailure, type StartPolicy } from './start-components.js';

/** Makes one framework middleware for one guest: an adapter's `daprWasm`. */
export type AdapterFactory<H extends AdapterHandle> = (guest: CoreMiddlewareOptions) => H;

/** A guest serving in the pipeline. */
export interface PipelineComponent {
  readonly name: string;
  readonly url: string;
  /** sha256 of the module serving now. */
  readonly sha256: string;
  readonly origin: LoadedModule['origin'];
}

const RESOURCES_KEY = 'resources';
const MODULE_KEY_PREFIX = 'module:';
const DEFAULT_DEBOUNCE_MS = 100;

export class PipelineRuntime<H extends AdapterHandle> {
  /** Settles when the first generation serves; rejects naming the Component and URL that failed. */
  readonly ready: Promise<void>;
  private readonly settings: PipelineSettings;
  private readonly watch: FileWatch | undefined;
  private generation: Generation<H> | undefined;
  private readonly live = new Set<Stage<H>>();
  private queue: Promise<unknown> = Promise.resolve();
  private closing: Promise<void> | undefined;

  constructor(
    private readonly options: DaprPipelineOptions,
    private readonly factory: AdapterFactory<H>,
  ) {
    this.settings = pipelineSettings(options);
    const debounceMs = watchDebounce(options.watch);
    if (debounceMs !== undefined) {
      this.watch = new FileWatch(debounceMs, (key) => this.changed(key), (message) => this.log(LOG_LEVEL_WARN, message));
    }
    this.ready = this.serialize(() => this.rebuild());
    // Loud even when nobody awaits `ready`, and never an unhandled rejection.
    this.ready.catch((err: Error) => {
      if (!this.closing) this.log(LOG_LEVEL_ERROR, `the Dapr pipeline did not start: ${err.message}`);
    });
  }

  /** The serving generation, entered; undefined before the first start and after close. */
  enterNow(): Generation<H> | undefined {
    return this.closing ? undefined : this.generation?.enter();
  }

  /** The serving generation, entered, once there is one; rejects with the start error or when closed. */
  async enter(): Promise<Generation<H>> {
    const now = this.enterNow();
    if (now) return now;
    await this.ready;
    const later = this.enterNow();
    if (!later) throw new Error('the Dapr pipeline is closed');
    return later;
  }

  /** Loads everything again and swaps it in; rejects, leaving the serving guests in place, if anything fails. */
  reload(): Promise<void> {
    return this.serialize(() => this.rebuild()).then(
      () => this.reloaded({ scope: 'pipeline', ok: true }),
      (error: Error) => {
        this.reloaded({ scope: 'pipeline', ok: false, error });
        throw error;
      },
    );
  }

  components(): readonly PipelineComponent[] {
    return (this.generation?.stages ?? []).map(({ guest }) => ({
      name: guest.component.name,
      url: guest.component.url,
      sha256: guest.module.sha256,
      origin: guest.module.origin,
    }));
  }

  /** Stops watching and taking requests; resolves once every guest has finished its requests. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      this.watch?.close();
      await this.queue;
      this.generation = undefined;
      await Promise.all([...this.live].map((s) => s.handler.close()));
      this.live.clear();
    })();
    return this.closing;
  }

  private serialize<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => {});
    return run;
  }

  private async rebuild(): Promise<void> {
    this.throwIfClosed();
    const resources = await loadResources(this.options);
    const loader = this.loader();
    let started: Stage<H>[];
    let failed: ComponentFailure[];
    try {
      ({ started, failed } = await startComponents(
        selectPipeline(resources, this.settings),
        async (component, signal) => this.startStage(component, await loader.load(component, signal)),
        this.policy<Stage<H>>(true),
      ));
    } finally {
      await loader.close();
    }
    if (this.closing) {
      await Promise.all(started.map((s) => s.handler.close()));
      this.throwIfClosed();
    }
    this.install(started);
    this.watch?.set(this.watchTargets(started, failed));
  }

  /** A `file://` module changed: only its guest is replaced, and only if its bytes did change. */
  private async replaceModule(name: string): Promise<boolean> {
    const generation = this.generation;
    const index = generation?.stages.findIndex((s) => s.guest.component.name === name) ?? -1;
    if (!generation || index === -1 || this.closing) return false;
    const serving = generation.stages[index]!;
    const loader = this.loader();
    let started: (Stage<H> | undefined)[];
    try {
      ({ started } = await startComponents(
        [serving.guest.component],
        async (component, signal) => {
          const module = await loader.load(component, signal);
          // Editors touch files without changing them; a rebuild would only cost a compile.
          return module.sha256 === serving.guest.module.sha256 ? undefined : this.startStage(component, module);
        },
        this.policy<Stage<H> | undefined>(false),
      ));
    } finally {
      await loader.close();
    }
    const fresh = started[0];
    if (!fresh) return false;
    if (this.closing) {
      await fresh.handler.close();
      return false;
    }
    this.install(generation.stages.map((s, i) => (i === index ? fresh : s)));
    return true;
  }

  private async startStage(component: WasmComponent, module: LoadedModule): Promise<Stage<H>> {
    const guest = { component, module, options: guestOptions(component, module, this.settings.middleware) };
    const handler = this.factory(guest.options);
    try {
      await handler.ready;
    } catch (cause) {
      void handler.close();
      throw new DaprComponentError(COMPONENT_ERROR_CODES.START, (cause as Error).message, { component: component.name, url: component.url, cause });
    }
    return { guest, handler, users: 0 };
  }

  private install(stages: readonly Stage<H>[]): void {
    for (const s of stages) this.live.add(s);
    const previous = this.generation;
    this.generation = new Generation(stages, (drained) => {
      for (const s of drained.stages) {
        if (--s.users > 0) continue;
        this.live.delete(s);
        void s.handler.close();
      }
    });
    previous?.retire();
  }

  private changed(key: string): void {
    if (key === RESOURCES_KEY) {
      void this.reload().catch(() => {});
      return;
    }
    const component = key.slice(MODULE_KEY_PREFIX.length);
    void this.serialize(() => this.replaceModule(component)).then(
      (replaced) => replaced && this.reloaded({ scope: 'component', component, ok: true }),
      (error: Error) => this.reloaded({ scope: 'component', component, ok: false, error }),
    );
  }

  private reloaded(event: PipelineReloadEvent): void {
    const what = event.scope === 'pipeline' ? 'the Dapr pipeline' : `component "${event.component}"`;
    if (event.ok) {
      const serving = this.components().map((c) => `${c.name} (sha256 ${c.sha256.slice(0, 12)})`);
      this.log(LOG_LEVEL_INFO, `${what} reloaded; serving ${serving.join(', ') || 'no guests'}`);
    } else {
      this.log(LOG_LEVEL_ERROR, `reload of ${what} refused, the previous version keeps serving: ${event.error?.message}`);
    }
    try {
      this.options.onReload?.(event);
    } catch (err) {
      this.log(LOG_LEVEL_ERROR, `onReload threw: ${(err as Error).message}`);
    }
  }

  private watchTargets(stages: readonly Stage<H>[], failed: readonly ComponentFailure[]): WatchTarget[] {
    const cwd = this.settings.cwd;
    const targets: WatchTarget[] = [];
    for (const given of list(this.options.resources)) {
      const path = resolve(cwd, given);
      const kind = statSync(path, { throwIfNoEntry: false })?.isDirectory() ? 'folder' : 'file';
      targets.push({ path, kind, key: RESOURCES_KEY });
    }
    for (const given of list(this.options.config)) targets.push({ path: resolve(cwd, given), kind: 'file', key: RESOURCES_KEY });
    for (const { guest } of stages) {
      const { name, url } = guest.component;
      if (url.startsWith('file:')) targets.push({ path: fileURLToPath(url), kind: 'file', key: MODULE_KEY_PREFIX + name });
    }
    // A Component left out under ignoreErrors comes back with a full reload once its module is fixed.
    for (const { component } of failed) {
      if (component.url.startsWith('file:')) targets.push({ path: fileURLToPath(component.url), kind: 'file', key: RESOURCES_KEY });
    }
    return targets;
  }

  private policy<T extends Stage<H> | undefined>(ignoreErrors: boolean): StartPolicy<T> {
    return {
      defaultInitTimeoutMs: this.settings.initTimeoutMs,
      ignoreErrors,
      dispose: (stage) => stage?.handler.close(),
      warn: (message, component) => this.log(LOG_LEVEL_WARN, `component "${component.name}": ${message}`),
    };
  }

  private loader(): ModuleLoader {
    return new ModuleLoader(this.settings.modules, (message) => this.log(LOG_LEVEL_WARN, message));
  }

  private log(level: -1 | 0 | 1 | 2, message: string): void {
    this.settings.logger.log(level, message, {});
  }

  private throwIfClosed(): void {
    if (this.closing) throw new Error('the Dapr pipeline is closed');
  }
}

function watchDebounce(watch: DaprPipelineOptions['watch']): number | undefined {
  if (watch === undefined || watch === false) return undefined;
  if (watch === true) return DEFAULT_DEBOUNCE_MS;
  const ms = watch.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  if (!Number.isInteger(ms) || ms < 0) throw new TypeError(`watch.debounceMs must be an integer >= 0, got ${ms}`);
  return ms;
}

function list(value: string | readonly string[] | undefined): readonly string[] {
  return value === undefined ? [] : typeof value === 'string' ? [value] : value;
}
