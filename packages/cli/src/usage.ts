/**
 * Command-line parsing on node's util.parseArgs. Every mistake in the command line becomes a
 * UsageError, which the dispatcher answers with exit code 2 and a pointer to the command's help.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { HeaderEntry } from '@dapr-wasm/core';

export class UsageError extends Error {
  override name = 'UsageError';
}

type Options = NonNullable<ParseArgsConfig['options']>;
type Parsed<O extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: true; strict: true }>>;

/** Strict parsing: unknown options and missing values are usage errors, worded for people. */
export function parseCommandLine<O extends Options>(argv: string[], options: O): Parsed<O> {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as Error & { code?: string };
    if (e.code?.startsWith('ERR_PARSE_ARGS_')) throw new UsageError(e.message.replace(/\. To specify a positional argument.*$/s, ''));
    throw err;
  }
}

/** Exactly one positional argument, named `what` in the error. */
export function onePositional(positionals: string[], what: string): string {
  if (positionals.length === 0) throw new UsageError(`missing ${what}`);
  if (positionals.length > 1) throw new UsageError(`expected one ${what}, got ${positionals.length}: ${positionals.join(' ')}`);
  return positionals[0];
}

/** `--data str` or `--data @file` (curl's convention): the text itself, or the file's bytes. */
export async function textOrFile(value: string | undefined, option: string, cwd: string): Promise<Uint8Array | undefined> {
  if (value === undefined) return undefined;
  if (!value.startsWith('@')) return new TextEncoder().encode(value);
  const path = resolve(cwd, value.slice(1));
  try {
    return new Uint8Array(await readFile(path));
  } catch (err) {
    throw new UsageError(`${option} ${value}: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`);
  }
}

const token = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** `name: value`, split at the first colon; the value is trimmed as HTTP trims it. */
export function headerArg(value: string, option: string): HeaderEntry {
  const colon = value.indexOf(':');
  const name = colon < 0 ? '' : value.slice(0, colon).trim();
  if (!token.test(name)) throw new UsageError(`${option} ${JSON.stringify(value)}: expected name:value`);
  const field = value.slice(colon + 1).trim();
  if (/[\r\n\0]/.test(field)) throw new UsageError(`${option} ${JSON.stringify(value)}: a header value cannot hold CR, LF or NUL`);
  return [name, field];
}

export function integerArg(value: string | undefined, option: string, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new UsageError(`${option} must be an integer from ${min} to ${max}, got ${JSON.stringify(value)}`);
  return n;
}
