/** `dapr-wasm invoke <guest>`: one request through the guest, against a stub downstream. */
import type { Command } from '../command.js';
import { writeJson } from '../command.js';
import { bodyView, errorView } from '../format.js';
import { readGuest } from '../guest-source.js';
import { EXIT_FAILED, EXIT_OK } from '../io.js';
import { UsageError, headerArg, integerArg, onePositional, parseCommandLine, textOrFile } from '../usage.js';
import { printInvoke } from './print.js';
import { requestSpec } from './request.js';
import { invokeGuest, type InvokeReport } from './run.js';

const help = `Usage: dapr-wasm invoke <guest.wasm | file://... | http(s)://...> [options]

Runs one synthetic request through the guest on the real host, with a stub downstream standing
in for the app, and prints what downstream saw (method, URI, headers, body), or that it was
never called (next=0), the final response (status, headers, body) and the guest's log (every
level, debug included).

The request:
  -X, --method <method>     request method (default GET, or POST with --data)
  -u, --uri <target>        raw request-target, query included (default /)
  -H, --header <name:value> request header field line; repeat for more (repeats stay apart)
  -d, --data <text | @file> request body
  A Host header (localhost) and a Content-Length for a body are added unless given; the client
  is 127.0.0.1:50000, HTTP/1.1.

The stub downstream's response:
  --status <code>           status (default 200)
  --body <text | @file>     body (default empty)
  --resp-header <name:value> response header field line; repeat for more

The guest:
  --config <text | @file>   guestConfig handed to get_config
  --deadline <ms>           longest one guest call may run (default 1000; 0: no limit)

Output:
  --json                    print one JSON document instead of text
  -h, --help                show this help

Exit status: 0 the guest handled the request (whatever status it chose), 1 the guest failed
(could not start, trapped, ran past its deadline: the error code, phase and message are
printed), 2 a usage error.

Examples:
  dapr-wasm invoke router.wasm --uri '/host/hi?name=panda' -H x-api-key:k --body ok
  dapr-wasm invoke guard.wasm -X POST -d @payload.json --status 201 --resp-header content-type:application/json
  dapr-wasm invoke build/guest.wasm --json | jq .downstream.uri`;

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

export const invokeCommand: Command = {
  name: 'invoke',
  summary: 'run one request through a guest and show both sides of it',
  help,
  async run(argv, io) {
    const { values, positionals } = parseCommandLine(argv, {
      method: { type: 'string', short: 'X' },
      uri: { type: 'string', short: 'u' },
      header: { type: 'string', short: 'H', multiple: true },
      data: { type: 'string', short: 'd' },
      status: { type: 'string' },
      body: { type: 'string' },
      'resp-header': { type: 'string', multiple: true },
      config: { type: 'string' },
      deadline: { type: 'string' },
      json: { type: 'boolean' },
    });
    const ref = onePositional(positionals, 'guest (a .wasm path or URL)');
    const data = await textOrFile(values.data, '--data', io.cwd);
    const method = values.method ?? (data ? 'POST' : 'GET');
    if (!TOKEN.test(method)) throw new UsageError(`--method ${JSON.stringify(method)} is not an HTTP method`);
    const uri = values.uri ?? '/';
    if (!/^(\/|\*$|[a-z][a-z0-9+.-]*:\/\/)/i.test(uri) || /[\s\0]/.test(uri)) {
      throw new UsageError(`--uri ${JSON.stringify(uri)}: expected a request-target such as /path?query`);
    }
    const request = requestSpec(method, uri, (values.header ?? []).map((h) => headerArg(h, '--header')), data ?? new Uint8Array(0));
    const response = {
      // A final response: 1xx statuses are interim and cannot end an exchange.
      status: integerArg(values.status, '--status', 200, 599) ?? 200,
      headers: (values['resp-header'] ?? []).map((h) => headerArg(h, '--resp-header')),
      body: (await textOrFile(values.body, '--body', io.cwd)) ?? new Uint8Array(0),
    };
    const options = { guestConfig: await textOrFile(values.config, '--config', io.cwd), deadlineMs: integerArg(values.deadline, '--deadline', 0, 3_600_000) };

    let report: InvokeReport;
    try {
      report = await invokeGuest(await readGuest(ref, io.cwd), request, response, options);
    } catch (err) {
      const error = errorView(err);
      if (!error.code) throw err;
      report = { guest: ref, request: { method, uri, headers: request.headers, body: bodyView(request.body) }, next: false, downstream: null, response: null, outcome: 'not-started', error, log: [] };
    }
    if (values.json) writeJson(io, report);
    else io.out(printInvoke(report, io.outPaint));
    return report.error ? EXIT_FAILED : EXIT_OK;
  },
};
