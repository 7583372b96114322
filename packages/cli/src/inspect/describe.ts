/**
 * What a guest is, read from its binary alone (nothing runs): ABI, exports and imports with their
 * signatures, the http_handler functions it uses, memory, WASI use and start section.
 */
import { HOST_MODULE, readModuleInfo, type ModuleInfo } from '@dapr-wasm/core';
import { formatSignature } from '../format.js';
import { HTTP_HANDLER_FUNCTIONS } from './http-handler-abi.js';

export const WASI_MODULE = 'wasi_snapshot_preview1';

export type AbiName = 'http-wasm' | 'proxy-wasm' | 'unknown';

export interface ExternView {
  readonly name: string;
  /** `module` for imports only. */
  readonly module?: string;
  readonly kind: string;
  /** `(i32) -> i32` for functions whose signature is known. */
  readonly signature?: string;
}

export interface MemoryView {
  readonly initialPages: number;
  readonly maxPages: number | null;
  readonly imported: boolean;
}

/** One export the ABI requires, and how the guest's compares. */
export interface AbiExportCheck {
  readonly name: string;
  readonly expected: string;
  /** `ok`, `missing`, or what is there instead (`func (i32) -> i32`, `global`). */
  readonly found: string;
  readonly ok: boolean;
}

export interface GuestDescription {
  readonly size: number;
  /** Why the binary could not be read, if it could not; the rest is then as much as is known. */
  readonly unreadable?: string;
  readonly abi: AbiName;
  /** memory, handle_request and handle_response, each checked: the core stops at the first problem, this lists all. */
  readonly abiExports: readonly AbiExportCheck[];
  readonly exports: readonly ExternView[];
  readonly imports: readonly ExternView[];
  /** http_handler functions the guest imports, in ABI order, and names the ABI does not have. */
  readonly httpHandler: { readonly used: readonly string[]; readonly unknown: readonly string[] };
  readonly memories: readonly MemoryView[];
  /** A WASI command runs `_start` once per instance, a reactor `_initialize`. */
  readonly wasi: { readonly mode: 'command' | 'reactor' | 'none'; readonly functions: readonly string[] };
  readonly startSection: boolean;
}

function detectAbi(exports: readonly ExternView[], imports: readonly ExternView[]): AbiName {
  if (exports.some((e) => e.name === 'handle_request') || imports.some((i) => i.module === HOST_MODULE)) return 'http-wasm';
  if (exports.some((e) => e.name.startsWith('proxy_on_') || e.name.startsWith('proxy_abi_version_'))) return 'proxy-wasm';
  return 'unknown';
}

const REQUIRED_EXPORTS: readonly (readonly [name: string, kind: string, signature?: string])[] = [
  ['memory', 'memory'],
  ['handle_request', 'function', '() -> i64'],
  ['handle_response', 'function', '(i32, i32) -> ()'],
];

function checkAbiExports(exports: readonly ExternView[]): AbiExportCheck[] {
  return REQUIRED_EXPORTS.map(([name, kind, signature]) => {
    const expected = signature ? `func ${signature}` : kind;
    const e = exports.find((x) => x.name === name);
    if (!e) return { name, expected, found: 'missing', ok: false };
    const found = e.kind === 'function' ? `func ${e.signature ?? '(unknown)'}` : e.kind;
    const ok = e.kind === kind && (!signature || !e.signature || e.signature === signature);
    return { name, expected, found: ok ? 'ok' : found, ok };
  });
}

/** Names only, from the engine, for modules the host's reader cannot parse (GC types, say). */
function engineView(bytes: Uint8Array): Pick<ModuleInfo, 'imports' | 'exports'> | undefined {
  try {
    const m = new WebAssembly.Module(bytes as BufferSource);
    return {
      imports: WebAssembly.Module.imports(m).map((i) => ({ module: i.module, name: i.name, kind: i.kind as never })),
      exports: WebAssembly.Module.exports(m).map((e, index) => ({ name: e.name, kind: e.kind as never, index })),
    };
  } catch {
    return undefined;
  }
}

export function describeGuest(bytes: Uint8Array): GuestDescription {
  let info: Pick<ModuleInfo, 'imports' | 'exports'> & Partial<ModuleInfo>;
  let unreadable: string | undefined;
  try {
    info = readModuleInfo(bytes);
  } catch (err) {
    unreadable = (err as Error).message;
    info = engineView(bytes) ?? { imports: [], exports: [] };
  }
  const exports = info.exports.map((e) => ({ name: e.name, kind: e.kind, ...(e.type && { signature: formatSignature(e.type) }) }));
  const imports = info.imports.map((i) => ({ module: i.module, name: i.name, kind: i.kind, ...(i.type && { signature: formatSignature(i.type) }) }));
  const hostImports = new Set(info.imports.filter((i) => i.module === HOST_MODULE).map((i) => i.name));
  const exported = (name: string) => info.exports.some((e) => e.name === name && e.kind === 'function');
  return {
    size: bytes.length,
    ...(unreadable !== undefined && { unreadable }),
    abi: detectAbi(exports, imports),
    abiExports: checkAbiExports(exports),
    exports,
    imports,
    httpHandler: {
      used: HTTP_HANDLER_FUNCTIONS.filter((f) => hostImports.has(f)),
      unknown: [...hostImports].filter((f) => !HTTP_HANDLER_FUNCTIONS.includes(f)),
    },
    memories: (info.memories ?? []).map((m) => ({ initialPages: m.minPages, maxPages: m.maxPages ?? null, imported: m.imported })),
    wasi: {
      // The core runs `_initialize` when a module exports both.
      mode: exported('_initialize') ? 'reactor' : exported('_start') ? 'command' : 'none',
      functions: info.imports.filter((i) => i.module === WASI_MODULE).map((i) => i.name),
    },
    startSection: info.start !== undefined,
  };
}
