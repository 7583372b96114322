/** The shape every subcommand has: a name, its help text, and a run returning the exit code. */
import type { CliIo } from './io.js';

export interface Command {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** The full `--help` text. */
  readonly help: string;
  /** Throws UsageError for a bad command line; returns the exit code otherwise. */
  run(argv: string[], io: CliIo): Promise<number>;
}

/** A `--json` report: one JSON document and a newline, nothing else on stdout. */
export function writeJson(io: CliIo, value: unknown): void {
  io.out(`${JSON.stringify(value, null, 2)}\n`);
}
