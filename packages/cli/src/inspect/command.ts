/** `dapr-wasm inspect <guest>`: what the guest is, and whether this host can run it. */
import type { Command } from '../command.js';
import { writeJson } from '../command.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import { integerArg, onePositional, parseCommandLine, textOrFile } from '../usage.js';
import { printInspect } from './print.js';
import { inspectGuest } from './report.js';

const help = `Usage: dapr-wasm inspect <guest.wasm | file://... | http(s)://...> [options]

Reads the guest's binary, then loads it through the real host (compile, link, one instance
started, start section and _initialize/_start included) and prints:
  ABI (http-wasm; proxy-wasm is refused), exports and imports with signatures, the http_handler
  functions it uses, the features it enabled at init, memory, WASI use (command, reactor or none,
  and which functions), whether it has a start section, its size, and a verdict.

Options:
  --config <text | @file>   guestConfig handed to get_config (init may read it)
  --deadline <ms>           how long init may run before it is stopped (default 1000; 0: no limit)
  --json                    print one JSON document instead of text
  -h, --help                show this help

Exit status: 0 "can run", 1 "cannot run: <reason>", 2 a usage error.

Examples:
  dapr-wasm inspect guests/examples/rewrite.wasm
  dapr-wasm inspect file://router.wasm --json | jq .verdict`;

export const inspectCommand: Command = {
  name: 'inspect',
  summary: 'describe a guest and say whether it can run here',
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(argv, {
      config: { type: 'string' },
      deadline: { type: 'string' },
      json: { type: 'boolean' },
    });
    const ref = onePositional(positionals, 'guest (a .wasm path or URL)');
    const guestConfig = await textOrFile(values.config, '--config', io.cwd);
    const deadlineMs = integerArg(values.deadline, '--deadline', 0, 3_600_000);
    const report = await inspectGuest(ref, io.cwd, { guestConfig, deadlineMs });
    if (values.json) writeJson(io, report);
    else io.out(printInspect(report, io.outPaint));
    return report.verdict.canRun ? EXIT_OK : EXIT_FAILED;
  },
};
