/**
 * The demo (`pnpm demo`): the example guests under examples/<name>/guest, written in AssemblyScript and
 * built from source by the build step, each in front of a real Express, Koa or Hono app on
 * 127.0.0.1. It sends the requests that show each behaviour and prints what happened, and exits 1
 * if any behaviour did not happen, so CI can run it. `--serve` keeps the apps running afterwards and
 * prints curl commands.
 */
import { listen, type Listening } from '../shared/listen.js';
import { logRecorder, type LogRecorder } from '../shared/log-recorder.js';
import { bold, dim, FAIL, green, magenta, PASS, red } from './paint.js';
import type { Scene, StartedScene } from './scene.js';
import { abRouting } from './scenes/ab-routing.js';
import { daprRouter } from './scenes/dapr-router.js';
import { headerValidation } from './scenes/header-validation.js';
import { loggingMetadata } from './scenes/logging-metadata.js';
import { modifyRequestResponse } from './scenes/modify-request-response.js';
import { showStep } from './show.js';

const scenes: Scene[] = [daprRouter, headerValidation, loggingMetadata, modifyRequestResponse, abRouting];
const serve = process.argv.includes('--serve');

interface Running {
  scene: Scene;
  started: StartedScene;
  server: Listening;
  log: LogRecorder;
}

async function play(scene: Scene, index: number): Promise<{ running?: Running; passed: number; failed: number }> {
  console.log(`${bold(`${index + 1}/${scenes.length}  ${scene.example}`)}  ${dim(`${scene.framework} · examples/${scene.example}`)}`);
  console.log(`     ${scene.story}\n`);
  const log = logRecorder();
  let started: StartedScene;
  try {
    started = await scene.start(log);
    await started.wasm.ready;
  } catch (err) {
    console.log(`  ${FAIL} ${red(`could not start: ${(err as Error).message}`)}\n`);
    return { passed: 0, failed: 1 };
  }
  const server = await listen(started.listener);
  let passed = 0;
  let failed = 0;
  for (const step of scene.steps) {
    if (await showStep(server.url, step, log)) passed++;
    else failed++;
  }
  if (scene.finale) {
    const { shows, problem } = await scene.finale(server.url);
    console.log(problem === undefined ? `  ${PASS} ${shows}\n` : `  ${FAIL} ${shows}\n    ${red(problem)}\n`);
    if (problem === undefined) passed++;
    else failed++;
  }
  return { running: { scene, started, server, log }, passed, failed };
}

console.log(bold('dapr-wasm demo') + dim(' · http-wasm guests written in AssemblyScript, running inside the app, no sidecar\n'));
const running: Running[] = [];
let passed = 0;
let failed = 0;
for (const [i, scene] of scenes.entries()) {
  const result = await play(scene, i);
  if (result.running) running.push(result.running);
  passed += result.passed;
  failed += result.failed;
}

const total = passed + failed;
console.log(
  failed === 0
    ? green(bold(`${total} of ${total} behaviours shown as described.`))
    : red(bold(`${failed} of ${total} behaviours did not happen as described.`)),
);

if (serve) {
  console.log(`\nStill serving (Ctrl-C to stop). Try:`);
  for (const { scene, server, log } of running) {
    console.log(`\n  ${bold(scene.example)} ${dim(`(${scene.framework})`)} on ${server.url}`);
    for (const line of scene.curl(server.url)) console.log(`    ${line}`);
    log.follow((line) => console.log(`${magenta('log')} ${dim(scene.example)} ${line}`));
  }
  console.log();
} else {
  for (const { started, server } of running) {
    await server.close();
    await started.wasm.close();
  }
  process.exitCode = failed === 0 ? 0 : 1;
}
