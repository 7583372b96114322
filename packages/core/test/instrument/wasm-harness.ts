/**
 * Shared by the instrumentation tests: WAT compiled in-test with every feature the text format
 * may use, a validator for features node 20 cannot run (wabt), and a host that drives the fuel
 * ABI the way the middleware will.
 */
import wabtInit from 'wabt';
import {
  FUEL_GLOBAL_EXPORT, FUEL_IMPORT_MODULE, FUEL_IMPORT_NAME, instrumentGuest, type InstrumentOptions,
} from '../../src/wasm/instrument/index.js';

/** Typed function references are off: wabt then rejects `ref.func` where a funcref is expected. */
export const ALL_FEATURES = {
  exceptions: true, mutable_globals: true, sat_float_to_int: true, sign_extension: true, simd: true,
  threads: true, function_references: false, multi_value: true, tail_call: true, bulk_memory: true,
  reference_types: true, memory64: true, multi_memory: true, extended_const: true, relaxed_simd: true,
};
export const WITH_FUNCTION_REFERENCES = { ...ALL_FEATURES, function_references: true };

const wabt = await wabtInit();

/** wabt's types omit validate's features argument, which it reads. */
function validateModule(mod: unknown, features: object): void {
  (mod as { validate(features: object): void }).validate(features);
}

export function wat(text: string, features = ALL_FEATURES): Uint8Array<ArrayBuffer> {
  const mod = wabt.parseWat('test.wat', text, features);
  try {
    mod.resolveNames();
    validateModule(mod, features);
    return mod.toBinary({ write_debug_names: true }).buffer as Uint8Array<ArrayBuffer>;
  } finally {
    mod.destroy();
  }
}

/** Validates with wabt, which knows proposals node 20 does not run. Throws with wabt's message. */
export function wabtValidate(bytes: Uint8Array, features = ALL_FEATURES): void {
  const mod = wabt.readWasm(bytes, { ...features, readDebugNames: false, check: true });
  try {
    validateModule(mod, features);
  } finally {
    mod.destroy();
  }
}

export class OutOfFuel extends Error {
  override name = 'OutOfFuel';
}

/**
 * A host for an instrumented guest. `out_of_fuel` refills `budget` until it has been called
 * `refills` times, then throws OutOfFuel, as the middleware does when the deadline has passed.
 */
export class FuelHost {
  outOfFuelCalls = 0;
  startCalls = 0;
  instance: WebAssembly.Instance | undefined;

  constructor(readonly budget = 1e9, readonly refills = Infinity) {}

  readonly imports = {
    [FUEL_IMPORT_MODULE]: {
      [FUEL_IMPORT_NAME]: () => {
        // A start function runs inside instantiation, before the export can be reached: the fuel
        // stays spent, so every check lands here; allow a generous number of them.
        if (!this.instance) {
          if (++this.startCalls > 1e6) throw new OutOfFuel('start function ran out of fuel');
          return;
        }
        this.outOfFuelCalls++;
        if (this.outOfFuelCalls > this.refills) throw new OutOfFuel(`out of fuel after ${this.refills} refills`);
        this.fuel = this.budget;
      },
    },
  };

  get fuel(): number {
    return (this.instance!.exports[FUEL_GLOBAL_EXPORT] as WebAssembly.Global).value as number;
  }

  set fuel(value: number) {
    (this.instance!.exports[FUEL_GLOBAL_EXPORT] as WebAssembly.Global).value = value;
  }

  async instantiate(bytes: Uint8Array<ArrayBuffer>, imports: WebAssembly.Imports = {}): Promise<WebAssembly.Instance> {
    const { instance } = await WebAssembly.instantiate(bytes, { ...imports, ...this.imports });
    this.instance = instance;
    this.fuel = this.budget;
    return instance;
  }
}

/** The same module, plain and instrumented, instantiated side by side. */
export async function pair(
  bytes: Uint8Array<ArrayBuffer>,
  imports: () => WebAssembly.Imports = () => ({}),
  options: InstrumentOptions = { fuel: true },
): Promise<{ plain: WebAssembly.Instance; metered: WebAssembly.Instance; host: FuelHost; instrumented: Uint8Array<ArrayBuffer> }> {
  const instrumented = instrumentGuest(bytes, options).bytes;
  if (!WebAssembly.validate(instrumented)) wabtValidate(instrumented);
  const plain = (await WebAssembly.instantiate(bytes, imports())).instance;
  const host = new FuelHost();
  const metered = await host.instantiate(instrumented, imports());
  return { plain, metered, host, instrumented };
}

/** Calls an export and captures its result or the error it threw. */
export function outcome(instance: WebAssembly.Instance, name: string, ...args: unknown[]): unknown {
  try {
    return { value: (instance.exports[name] as (...a: unknown[]) => unknown)(...args) };
  } catch (e) {
    return { error: (e as Error).constructor.name + ': ' + (e as Error).message };
  }
}
