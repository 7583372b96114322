/**
 * Load-time instrumentation of guests. JavaScript cannot pre-empt a running wasm call, so a guest
 * stuck in a loop would freeze the event loop for every request. With `fuel`, the guest is
 * rewritten to charge one unit of fuel at every function entry and loop iteration and, once the
 * fuel runs out, to call the host, which traps the guest if the request's deadline has passed or
 * refills the fuel if not. With `maxMemoryPages`, its memories cannot grow past the cap.
 *
 * How the host drives it:
 * - import `dapr_wasm`.`out_of_fuel: () -> ()`: throw to stop the guest, or write a new budget to
 *   the exported global and return to let it go on;
 * - export `__dapr_wasm_fuel` (mutable i32 global, initially 0): set it before every call into the
 *   guest (handle_request, handle_response, the deferred start function, `_initialize`). The
 *   check runs `fuel -= 1; if (fuel < 0) out_of_fuel()`, so a budget of N lets about N loop
 *   iterations or calls run between two visits to the host;
 * - a start section would run inside instantiation, before the export can be reached, and call
 *   out_of_fuel at every check: defer it (exportStartFunction, after instrumenting).
 *
 * Cost, measured with test/instrument/fuel-overhead.bench.ts (node 20, x86_64, a shared 2-core
 * machine, so ranges over runs): summing 100M integers, a four-instruction loop and the worst case,
 * went from 40-70 ms to 115-235 ms (about 3x: the counter lives in memory, so each iteration waits
 * on the previous one's store); a byte scan over 64 MiB paid 40-65%; fib(32), 7M calls, 60-80%.
 * Keeping the counter in a local between calls measured only about a quarter faster in the worst
 * case, and would let a caught exception hand back the fuel its callee spent, so it is not done.
 */
import { ModuleFormatError, readModuleInfo, type ModuleInfo } from '../module-info.js';
import { InstrumentError } from './errors.js';
import { addFuelMetering } from './fuel.js';
import { capMemories } from './memory-cap.js';
import { SECTION_MEMORY, findSection, joinSections, putSection, splitSections } from './sections.js';

export { FUEL_GLOBAL_EXPORT, FUEL_IMPORT_MODULE, FUEL_IMPORT_NAME } from './fuel.js';
export { InstrumentError, type InstrumentFailure } from './errors.js';

export interface InstrumentOptions {
  /** Meter loops and calls with fuel, so the host can stop the guest at a deadline. */
  fuel: boolean;
  /** Cap every memory the guest defines at this many 64 KiB pages. */
  maxMemoryPages?: number;
}

export interface InstrumentedGuest {
  bytes: Uint8Array<ArrayBuffer>;
  /** The guest imports `dapr_wasm.out_of_fuel` and exports `__dapr_wasm_fuel`. */
  fuel: boolean;
  /** The guest defines at least one memory, and every memory it defines is capped. */
  memoryCapped: boolean;
}

/**
 * Returns the instrumented module, or the same bytes when there is nothing to do. `known` is the
 * module's info when the caller has read it already. Throws an
 * InstrumentError when the guest cannot be instrumented: an opcode the decoder does not know
 * (naming it and the function), a feature it does not handle, or a memory whose minimum is
 * already above the cap.
 */
export function instrumentGuest(bytes: Uint8Array, options: InstrumentOptions, known?: ModuleInfo): InstrumentedGuest {
  const cap = options.maxMemoryPages;
  if (cap !== undefined && !(Number.isInteger(cap) && cap >= 0)) {
    throw new RangeError(`maxMemoryPages must be a non-negative integer, got ${cap}`);
  }
  if (!options.fuel && cap === undefined) return { bytes: ownBuffer(bytes), fuel: false, memoryCapped: false };

  // The caller may have read the module already (the loader has): reading it is not free.
  let info = known;
  try {
    info ??= readModuleInfo(bytes);
  } catch (e) {
    if (e instanceof ModuleFormatError) throw new InstrumentError(`cannot instrument guest: ${e.message}`, 'malformed');
    throw e;
  }
  let sections = splitSections(bytes, info);

  let memoryCapped = false;
  const memories = findSection(sections, SECTION_MEMORY);
  if (cap !== undefined && memories) {
    const imported = info.memories.filter((m) => m.imported).length;
    putSection(sections, SECTION_MEMORY, capMemories(memories.content, cap, imported));
    memoryCapped = info.memories.some((m) => !m.imported);
  }
  if (options.fuel) sections = addFuelMetering(sections, info);

  return { bytes: joinSections(bytes.subarray(0, 8), sections), fuel: options.fuel, memoryCapped };
}

/** The same bytes, typed for `WebAssembly.compile`; copied only if they sit in shared memory. */
function ownBuffer(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : bytes.slice();
}
