/**
 * `dapr-wasm <command>`: dispatches to a command, answers --help and --version, and turns every
 * outcome into an exit code (0 done, 1 failed, 2 usage error). Nothing here calls process.exit.
 */
import type { Command } from './command.js';
import { inspectCommand } from './inspect/command.js';
import { invokeCommand } from './invoke/command.js';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, processIo, type CliIo } from './io.js';
import { newCommand } from './new/command.js';
import { packageVersion } from './package-info.js';
import { UsageError } from './usage.js';

export const commands: readonly Command[] = [inspectCommand, invokeCommand, newCommand];

function toolHelp(): string {
  const width = Math.max(...commands.map((c) => c.name.length));
  return `Usage: dapr-wasm <command> [options]

Checks, runs and scaffolds http-wasm guests (Dapr's middleware.http.wasm) without a server
or a sidecar, through the same host the Express, Koa and Hono adapters use.

Commands:
${commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show help (also: dapr-wasm <command> --help, dapr-wasm help <command>)
  -v, --version  print the version

Colour is used on a terminal only; NO_COLOR turns it off, FORCE_COLOR=1 on.`;
}

const wantsHelp = (argv: string[]) => {
  const end = argv.indexOf('--');
  return (end < 0 ? argv : argv.slice(0, end)).some((a) => a === '-h' || a === '--help');
};

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined) {
    io.err(`${toolHelp()}\n`);
    return EXIT_USAGE;
  }
  if (first === '-h' || first === '--help') {
    io.out(`${toolHelp()}\n`);
    return EXIT_OK;
  }
  if (first === '-v' || first === '--version') {
    io.out(`${packageVersion}\n`);
    return EXIT_OK;
  }
  const name = first === 'help' ? rest[0] : first;
  const command = commands.find((c) => c.name === name);
  if (first === 'help') {
    if (name !== undefined && !command) return usageError(io, `unknown command ${JSON.stringify(name)}`);
    io.out(`${command ? command.help : toolHelp()}\n`);
    return EXIT_OK;
  }
  if (!command) return usageError(io, `unknown command ${JSON.stringify(first)}`);
  if (wantsHelp(rest)) {
    io.out(`${command.help}\n`);
    return EXIT_OK;
  }
  try {
    return await command.run(rest, io);
  } catch (err) {
    if (err instanceof UsageError) return usageError(io, err.message, command);
    io.err(`${io.errPaint.red('dapr-wasm: unexpected error:')} ${(err as Error).stack ?? String(err)}\n`);
    return EXIT_FAILED;
  }
}

function usageError(io: CliIo, message: string, command?: Command): number {
  const more = command ? `dapr-wasm ${command.name} --help` : 'dapr-wasm --help';
  io.err(`${io.errPaint.red(`dapr-wasm${command ? ` ${command.name}` : ''}: ${message}`)}\nSee '${more}'.\n`);
  return EXIT_USAGE;
}
