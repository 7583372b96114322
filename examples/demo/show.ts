/** Sends one step's request to a running scene and prints the request, the response and the verdict. */
import type { LogRecorder } from '../shared/log-recorder.js';
import { bold, cyan, dim, FAIL, magenta, PASS, red, yellow } from './paint.js';
import type { Sent, Step } from './scene.js';

const BODY_WIDTH = 110;

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_WIDTH ? flat.slice(0, BODY_WIDTH - 1) + '…' : flat;
}

function describeRequest(sent: Sent): string {
  const headers = Object.entries(sent.headers ?? {}).map(([k, v]) => dim(`${k}: ${v}`));
  const body = sent.body ? [dim(`body ${sent.body}`)] : [];
  return [bold(`${sent.method ?? 'GET'} ${sent.path}`), ...headers, ...body].join('  ');
}

/** Runs the step; returns whether the behaviour it shows happened. */
export async function showStep(url: string, step: Step, log: LogRecorder): Promise<boolean> {
  await log.take(); // lines from earlier requests belong to them
  console.log(`  ${describeRequest(step.send)}`);
  const res = await fetch(url + step.send.path, {
    method: step.send.method ?? 'GET',
    headers: step.send.headers,
    body: step.send.body,
  });
  const text = await res.text();
  const logs = await log.take(step.logLines ?? 0);
  const colourStatus = res.status < 300 ? cyan : yellow;
  const headers = (step.showHeaders ?? []).map((h) => dim(`${h}: ${res.headers.get(h) ?? '(none)'}`));
  console.log(`  → ${[colourStatus(String(res.status)), ...headers, oneLine(text)].join('  ')}`);
  for (const line of logs) console.log(`    ${magenta('log')} ${line}`);
  const problem = step.check({ status: res.status, headers: res.headers, text, logs });
  console.log(problem === undefined ? `  ${PASS} ${step.shows}` : `  ${FAIL} ${step.shows}\n    ${red(problem)}`);
  console.log();
  return problem === undefined;
}
