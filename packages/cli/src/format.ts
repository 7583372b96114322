/** How values look in both outputs: signatures, bodies, errors. */
import { DaprWasmError, GuestLinkError } from '@dapr-wasm/core';

export interface Signature {
  params: readonly string[];
  results: readonly string[];
}

/** `(i32, i32) -> i64`, and `-> ()` for no result, as the core's own errors print signatures. */
export function formatSignature(t: Signature | undefined): string {
  if (!t) return '(unknown)';
  const results = t.results.length === 1 ? t.results[0] : `(${t.results.join(', ')})`;
  return `(${t.params.join(', ')}) -> ${results}`;
}

/** A body for JSON: its text when it is UTF-8, else base64, so no byte is lost either way. */
export interface BodyView {
  readonly size: number;
  readonly text?: string;
  readonly base64?: string;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function bodyView(bytes: Uint8Array): BodyView {
  try {
    return { size: bytes.length, text: utf8.decode(bytes) };
  } catch {
    return { size: bytes.length, base64: Buffer.from(bytes).toString('base64') };
  }
}

/** A body for people: printable text as is, anything else summarised. */
export function bodyLines(body: BodyView): string[] {
  if (body.size === 0) return ['(empty body)'];
  if (body.text !== undefined && !/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/.test(body.text)) {
    const lines = body.text.split('\n');
    if (lines.at(-1) === '') lines.pop();
    return lines;
  }
  return [`(${body.size} bytes of binary data; --json shows them as base64)`];
}

/** What every command reports about a core error: enough to act on, stable enough to script. */
export interface ErrorView {
  readonly name: string;
  readonly code: string | undefined;
  readonly phase: string | undefined;
  readonly culprit: string | undefined;
  readonly message: string;
  /** A link error's every missing or mismatched import. */
  readonly missing?: readonly string[];
}

export function errorView(err: unknown): ErrorView {
  const e = err instanceof Error ? err : new Error(String(err));
  const view: ErrorView = {
    name: e.name,
    code: e instanceof DaprWasmError ? e.code : undefined,
    phase: e instanceof DaprWasmError ? e.phase : undefined,
    culprit: e instanceof DaprWasmError ? e.culprit : undefined,
    message: e.message,
  };
  return e instanceof GuestLinkError ? { ...view, missing: [...e.missing] } : view;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
