/**
 * Where a command writes and what it may look at. Commands never touch `process` directly, so the
 * exit code is theirs to return and tests can run them in-process too.
 */
import { colourWanted, paint, type Paint } from './style.js';

export interface CliIo {
  /** Writes to stdout (the command's result). */
  out(text: string): void;
  /** Writes to stderr (usage errors, progress). */
  err(text: string): void;
  readonly outPaint: Paint;
  readonly errPaint: Paint;
  readonly cwd: string;
  readonly env: Record<string, string | undefined>;
}

export function processIo(): CliIo {
  const env = process.env;
  return {
    out: (text) => void process.stdout.write(text),
    err: (text) => void process.stderr.write(text),
    outPaint: paint(colourWanted(process.stdout, env)),
    errPaint: paint(colourWanted(process.stderr, env)),
    cwd: process.cwd(),
    env,
  };
}

/** Exit codes: 0 done, 1 the guest (or the command's work) failed, 2 the command line was wrong. */
export const EXIT_OK = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
