// Runs build/guest.wasm on the dapr-wasm host, the one the Express, Koa and Hono adapters use:
// `dapr-wasm invoke --json` sends a synthetic request through the guest to a stub app and reports
// what the app saw and what the client got. Build first: `npm run build`.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const project = fileURLToPath(new URL('..', import.meta.url));
const guest = 'build/guest.wasm';
const cli = fileURLToPath(new URL('../node_modules/@dapr-wasm/cli/bin/dapr-wasm.mjs', import.meta.url));

/** Runs the CLI and parses its JSON report; a failed guest (exit 1) still has a report. */
function dapr(...args) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [cli, ...args, '--json'], { cwd: project }, (err, stdout, stderr) => {
      if (err && err.code !== 1) return reject(new Error(`dapr-wasm ${args.join(' ')} exited ${err.code}: ${stderr}`));
      resolve(JSON.parse(stdout));
    });
  });
}

const header = (lines, name) => lines.find(([n]) => n.toLowerCase() === name)?.[1];

before(() => {
  assert.ok(existsSync(new URL(`../${guest}`, import.meta.url)), `${guest} is missing: run npm run build first`);
});

test('the host can run the guest', async () => {
  const report = await dapr('inspect', guest);
  assert.equal(report.verdict.canRun, true, report.verdict.reasons.join('\n'));
});

test('/api/... reaches the app as /v1/..., query kept', async () => {
  const report = await dapr('invoke', guest, '--uri', '/api/orders?id=7');
  assert.equal(report.error, null);
  assert.equal(report.next, true);
  assert.equal(report.downstream.uri, '/v1/orders?id=7');
  assert.ok(report.log.some((l) => l.message === 'rewrote /api/orders to /v1/orders'));
});

test('other paths reach the app unchanged', async () => {
  const report = await dapr('invoke', guest, '--uri', '/health');
  assert.equal(report.downstream.uri, '/health');
});

test('the app sees x-guest and the client gets x-wasm-guest', async () => {
  const report = await dapr('invoke', guest, '--uri', '/api/orders', '--status', '201', '--body', 'created');
  assert.equal(header(report.downstream.headers, 'x-guest'), '{{name}}');
  assert.equal(report.response.status, 201);
  assert.equal(header(report.response.headers, 'x-wasm-guest'), '{{name}}');
  assert.equal(report.response.body.text, 'created');
});
