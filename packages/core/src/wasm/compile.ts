/**
 * Turns guest bytes (or a precompiled Module, the only form Workers allow) into a validated
 * CompiledGuest: a valid module, with the ABI's exports at the right signatures, whose imports the
 * host can satisfy. Every failure names the phase and the export or import at fault.
 */
import { GuestCompileError } from '../errors.js';
import { FUNC_HANDLE_REQUEST, FUNC_HANDLE_RESPONSE, HOST_MODULE, MEMORY_EXPORT } from '../abi/http-wasm/constants.js';
import { guestExports } from '../abi/http-wasm/signatures.js';
import { detectAbi } from '../abi/abi.js';
import { checkImports } from './link.js';
import {
  ModuleFormatError, formatFuncType, isWasmBinary, readModuleInfo, sameFuncType,
  type ExportInfo, type ImportInfo, type MemoryInfo, type ModuleInfo,
} from './module-info.js';
import { exportStartFunction } from './start-section.js';
import { InstrumentError, instrumentGuest, type InstrumentOptions } from './instrument/index.js';

/** What the host rewrites into a guest's binary before compiling it. */
export type GuestLimits = InstrumentOptions;

export interface CompiledGuest {
  readonly module: WebAssembly.Module;
  /** A short name for messages: the URL or "bytes"/"module". */
  readonly name: string;
  readonly imports: readonly ImportInfo[];
  readonly exports: readonly ExportInfo[];
  readonly memories: readonly MemoryInfo[];
  /** The start section was moved to an export the host calls after instantiation. */
  readonly deferredStart: boolean;
  /** The guest imports read_body, so the host must have the request body ready before handle_request. */
  readonly readsBody: boolean;
  /** WASI command (`_start`) or reactor (`_initialize`) entry point, run once per instance. */
  readonly entry: '_start' | '_initialize' | undefined;
  /** Size of the binary in bytes, when known. */
  readonly size: number | undefined;
  /** Loops and calls are metered: the guest imports the fuel hook and exports the fuel global. */
  readonly fuel: boolean;
  /** Every memory the guest defines is capped at the host's maximum. */
  readonly memoryCapped: boolean;
}

function describeExports(exportsList: readonly ExportInfo[], name: string): void {
  const find = (n: string) => exportsList.find((e) => e.name === n);
  for (const fn of [FUNC_HANDLE_REQUEST, FUNC_HANDLE_RESPONSE]) {
    const e = find(fn);
    if (!e || e.kind !== 'function') {
      throw new GuestCompileError(`guest ${name} doesn't export func[${fn}]`, { phase: 'compile', culprit: fn });
    }
    const expected = guestExports[fn];
    if (e.type && !sameFuncType(e.type, expected)) {
      throw new GuestCompileError(
        `guest ${name} exports the wrong signature for func[${fn}]: ${formatFuncType(e.type)}, should be ${formatFuncType(expected)}`,
        { phase: 'compile', culprit: fn },
      );
    }
  }
  const mem = find(MEMORY_EXPORT);
  if (!mem || mem.kind !== 'memory') {
    throw new GuestCompileError(`guest ${name} doesn't export memory[${MEMORY_EXPORT}]`, { phase: 'compile', culprit: MEMORY_EXPORT });
  }
}

interface Compiled {
  module: WebAssembly.Module;
  info: ModuleInfo | undefined;
  deferredStart: boolean;
  fuel: boolean;
  memoryCapped: boolean;
}

async function engineCompile(code: Uint8Array, name: string): Promise<WebAssembly.Module> {
  try {
    return await WebAssembly.compile(code as BufferSource);
  } catch (err) {
    throw new GuestCompileError(`guest ${name} failed to compile: ${(err as Error).message}`, { phase: 'compile', culprit: name, cause: err });
  }
}

async function compileBytes(bytes: Uint8Array, name: string, limits: GuestLimits): Promise<Compiled> {
  if (!isWasmBinary(bytes)) {
    const hint = bytes.length < 8 ? `only ${bytes.length} bytes` : 'bad magic number';
    throw new GuestCompileError(`guest ${name} is not a WebAssembly module (${hint})`, { phase: 'compile', culprit: name });
  }
  let info: ModuleInfo | undefined;
  try {
    info = readModuleInfo(bytes);
  } catch (err) {
    if (!(err instanceof ModuleFormatError)) throw err;
    // A module our reader cannot describe: let the engine give the authoritative verdict.
    await engineCompile(bytes, name);
    throw new GuestCompileError(`guest ${name} uses a module feature this host cannot read: ${err.message}`, { phase: 'compile', culprit: name, cause: err });
  }
  let code = bytes;
  let fuel = false;
  let memoryCapped = false;
  try {
    ({ bytes: code, fuel, memoryCapped } = instrumentGuest(bytes, limits, info));
  } catch (err) {
    // An invalid module is reported as the engine words it; otherwise the rewrite's own reason.
    if (err instanceof InstrumentError && err.failure === 'malformed') await engineCompile(bytes, name);
    if (err instanceof InstrumentError) {
      throw new GuestCompileError(`guest ${name} cannot be loaded with its limits: ${err.message}`, { phase: 'compile', culprit: err.culprit ?? name, cause: err });
    }
    throw err;
  }
  // Instrumenting keeps a start section (renumbered), so only a guest with one is read again.
  const deferredStart = info.start !== undefined;
  if (deferredStart) code = exportStartFunction(code, code === bytes ? info : readModuleInfo(code));
  return { module: await engineCompile(code, name), info, deferredStart, fuel, memoryCapped };
}

const noLimits: GuestLimits = { fuel: false };

export async function compileGuest(source: Uint8Array | WebAssembly.Module, name: string, limits: GuestLimits = noLimits): Promise<CompiledGuest> {
  let module: WebAssembly.Module;
  let info: ModuleInfo | undefined;
  let deferredStart = false;
  let fuel = false;
  let memoryCapped = false;
  if (source instanceof WebAssembly.Module) module = source;
  else ({ module, info, deferredStart, fuel, memoryCapped } = await compileBytes(source, name, limits));

  const imports: ImportInfo[] = info?.imports ?? WebAssembly.Module.imports(module).map((i) => ({ module: i.module, name: i.name, kind: i.kind as ImportInfo['kind'] }));
  const exportsList: ExportInfo[] = info?.exports ?? WebAssembly.Module.exports(module).map((e, index) => ({ name: e.name, kind: e.kind as ExportInfo['kind'], index }));

  // A guest of another ABI is named as such, before the http-wasm export checks refuse it.
  detectAbi(module, name);
  describeExports(exportsList, name);
  checkImports(imports, name);

  const has = (n: string) => exportsList.some((e) => e.name === n && e.kind === 'function');
  return {
    module,
    name,
    imports,
    exports: exportsList,
    memories: info?.memories ?? [],
    deferredStart,
    readsBody: imports.some((i) => i.module === HOST_MODULE && i.name === 'read_body'),
    entry: has('_initialize') ? '_initialize' : has('_start') ? '_start' : undefined,
    size: source instanceof WebAssembly.Module ? undefined : source.length,
    fuel,
    memoryCapped,
  };
}
