/**
 * One live instance of an http-wasm guest: its memory, its host functions bound to whatever request
 * it is serving, and its initialisation (deferred start function, then `_initialize` or `_start`).
 */
import { DeadlineExceeded, GuestInstantiateError, GuestLinkError, HostTrap, ProcExit } from '../../errors.js';
import type { LogLevel, Logger } from '../../logger.js';
import { LOG_LEVEL_ERROR, LOG_LEVEL_INFO } from '../../logger.js';
import type { CompiledGuest } from '../../wasm/compile.js';
import { GuestMemory } from '../../wasm/guest-memory.js';
import { START_EXPORT } from '../../wasm/start-section.js';
import { FUEL_GLOBAL_EXPORT, FUEL_IMPORT_MODULE, FUEL_IMPORT_NAME } from '../../wasm/instrument/index.js';
import {
  LineBuffer, WASI_MODULE, createWasiImports, deterministicRandom, fakeClock, systemClock, systemRandom, wasiUnsupported,
} from '../../wasi/preview1.js';
import { FUNC_HANDLE_REQUEST, FUNC_HANDLE_RESPONSE, HOST_MODULE, MEMORY_EXPORT } from './constants.js';
import { createHostFunctions, type HostContext } from './host-functions.js';
import type { RequestState } from './request-state.js';

/** What every instance of one guest shares. */
export interface GuestEnvironment {
  readonly guestConfig: Uint8Array;
  readonly logger: Logger;
  readonly supportedFeatures: number;
  readonly strictSandbox: boolean;
  /** Longest one guest call may run; 0 when the guest is not metered. */
  readonly deadlineMs: number;
  /** Longest the guest's initialisation may run, once per instance. */
  readonly initDeadlineMs: number;
  /** Features enabled during init by any instance; every request starts with them. */
  initFeatures: number;
  /** What guests asked of the host while initialising, for `describe()`. */
  readonly init: InitRecord;
}

export interface InitRecord {
  /** Feature bits asked for through enable_features during init (the host may offer fewer). */
  requested: number;
  enableFeaturesCalls: number;
  getConfigCalls: number;
}

export class GuestInstance {
  memory: GuestMemory | undefined;
  state: RequestState | undefined;
  /** Tags guest output with the request being served (a number until some output needs it). */
  requestTag: number | undefined;
  handleRequest!: () => bigint;
  handleResponse!: (reqCtx: number, isError: number) => void;
  readonly stdio: LineBuffer;
  /** The metered guest's fuel counter, and when the current call must end (performance.now() ms; -1: not yet read). */
  fuel: WebAssembly.Global | undefined;
  private deadline = -1;
  private budgetMs = 0;

  constructor(private readonly env: GuestEnvironment) {
    this.stdio = new LineBuffer((fd, line) => this.output(fd === 2 ? LOG_LEVEL_ERROR : LOG_LEVEL_INFO, line, fd === 2 ? 'stderr' : 'stdout'));
  }

  /** Guest output and guest log calls, tagged with the request they belong to. */
  output(level: LogLevel, message: string, stream = 'log'): void {
    const logger = this.env.logger;
    if (!logger.enabled(level)) return;
    logger.log(level, message, this.requestTag !== undefined ? { stream, request: String(this.requestTag) } : { stream });
  }

  /**
   * Starts the clock for one call into the guest, lazily: most calls never run out of fuel, so the
   * clock is read at the first refill, and the call may run for its budget from there (one slice
   * of fuel, far below a millisecond, is the slack). Fuel left over from the last call carries over.
   */
  arm(budgetMs = this.env.deadlineMs): void {
    this.budgetMs = budgetMs;
    this.deadline = -1;
  }

  /** The fuel hook the metered guest calls when its fuel runs out. */
  outOfFuel(): void {
    const now = performance.now();
    if (this.deadline < 0) this.deadline = now + this.budgetMs;
    else if (now > this.deadline) throw new DeadlineExceeded(this.budgetMs);
    this.fuel!.value = FUEL_SLICE;
  }

  guestMemory(): GuestMemory {
    if (!this.memory) {
      throw new HostTrap(
        'guest memory is not reachable yet: a start function called the host during instantiation (pass the guest as bytes or a URL so the host can defer it)',
      );
    }
    return this.memory;
  }
}

/** Loop iterations or calls between two clock checks: cheap enough, and far below a millisecond. */
const FUEL_SLICE = 20_000;

export async function instantiateGuest(compiled: CompiledGuest, env: GuestEnvironment): Promise<GuestInstance> {
  const guest = new GuestInstance(env);
  const ctx: HostContext = {
    memory: () => guest.guestMemory(),
    state: () => guest.state,
    guestConfig: env.guestConfig,
    logger: env.logger,
    supportedFeatures: env.supportedFeatures,
    get initFeatures() {
      return env.initFeatures;
    },
    set initFeatures(v: number) {
      env.initFeatures = v;
    },
    init: env.init,
    log: (level, message) => guest.output(level, message),
  };

  const imports: WebAssembly.Imports = { [HOST_MODULE]: createHostFunctions(ctx) as WebAssembly.ModuleImports };
  const wasiNames = compiled.imports.filter((i) => i.module === WASI_MODULE).map((i) => i.name);
  if (wasiNames.length) {
    const wasi = createWasiImports(
      {
        memory: () => guest.guestMemory(),
        clock: env.strictSandbox ? fakeClock() : systemClock,
        random: env.strictSandbox ? deterministicRandom() : systemRandom,
      },
      guest.stdio,
    );
    const provided: WebAssembly.ModuleImports = {};
    for (const name of wasiNames) provided[name] = (wasi[name] ?? wasiUnsupported) as WebAssembly.ImportValue;
    imports[WASI_MODULE] = provided;
  }

  if (compiled.fuel) imports[FUEL_IMPORT_MODULE] = { [FUEL_IMPORT_NAME]: () => guest.outOfFuel() };

  let instance: WebAssembly.Instance;
  try {
    instance = await WebAssembly.instantiate(compiled.module, imports);
  } catch (err) {
    if (err instanceof WebAssembly.LinkError) {
      throw new GuestLinkError(`guest ${compiled.name} failed to link: ${err.message}`, [err.message], { phase: 'link', cause: err });
    }
    throw new GuestInstantiateError(`guest ${compiled.name} trapped in its start function: ${(err as Error).message}`, {
      phase: 'instantiate', culprit: 'start function', cause: err,
    });
  }

  const exports = instance.exports;
  guest.memory = new GuestMemory(exports[MEMORY_EXPORT] as WebAssembly.Memory);
  guest.handleRequest = exports[FUNC_HANDLE_REQUEST] as () => bigint;
  guest.handleResponse = exports[FUNC_HANDLE_RESPONSE] as (reqCtx: number, isError: number) => void;
  if (compiled.fuel) guest.fuel = exports[FUEL_GLOBAL_EXPORT] as WebAssembly.Global;

  const steps: string[] = [];
  if (compiled.deferredStart) steps.push(START_EXPORT);
  if (compiled.entry) steps.push(compiled.entry);
  for (const step of steps) {
    try {
      // Initialisation (a TinyGo runtime's `_start`, say) has its own, longer budget.
      guest.arm(env.initDeadlineMs);
      (exports[step] as () => void)();
    } catch (err) {
      // A WASI command may end `_start` with proc_exit(0): the instance stays usable, as in wazero.
      if (err instanceof ProcExit && err.exitCode === 0) continue;
      const culprit = step === START_EXPORT ? 'start function' : step;
      throw new GuestInstantiateError(`guest ${compiled.name} failed in ${culprit}: ${(err as Error).message}`, {
        phase: 'instantiate', culprit, cause: err,
      });
    } finally {
      guest.stdio.flush();
    }
  }
  return guest;
}
