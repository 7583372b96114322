/**
 * One end-to-end framework row group: how to build its app in each variant. Adding a framework is
 * one file in frameworks/ and one line in frameworks/index.ts. The wasm adapter is loaded by name at
 * run time, so an adapter package that does not export `daprWasm` yet skips its rows instead of
 * breaking the benchmark.
 */
import type { RequestListener } from 'node:http';
import type { Variant } from './rewrite.js';

export interface Framework {
  /** Short key used on the command line and by the server child. */
  readonly key: string;
  /** As printed in the table, e.g. "Express 5". */
  readonly name: string;
  /** The package whose `daprWasm` the wasm variant uses. */
  readonly adapter: string;
  /** The app for one variant, as a node:http listener; `guestUrl` is a file:// URL. */
  listener(variant: Variant, guestUrl: string): Promise<RequestListener>;
}

/** What every adapter exports: `daprWasm(guest)` returning the framework's middleware. */
export type DaprWasmFactory<M> = (guest: string) => M & { readonly ready?: Promise<void> };

/** Why an adapter cannot be used yet, or undefined when it exports `daprWasm`. */
export async function adapterMissing(f: Framework): Promise<string | undefined> {
  try {
    const mod = (await import(f.adapter)) as { daprWasm?: unknown };
    return typeof mod.daprWasm === 'function' ? undefined : `${f.adapter} does not export daprWasm yet`;
  } catch (err) {
    return `${f.adapter} cannot be imported yet (${(err as Error).message.split('\n')[0]})`;
  }
}

/** The adapter's middleware for a guest, once its guest is ready. */
export async function wasmMiddleware<M>(f: Framework, guestUrl: string): Promise<M> {
  const { daprWasm } = (await import(f.adapter)) as { daprWasm: DaprWasmFactory<M> };
  const mw = daprWasm(guestUrl);
  await mw.ready;
  return mw;
}
