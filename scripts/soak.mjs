#!/usr/bin/env node
// A bounded soak on loopback: sustained load (autocannon) against an app with a wasm guest in
// front, where 1 request in 100 makes the guest trap. The app runs in a child process, so a crash
// is seen as one and its memory is measured apart from the load generator. At the end it prints
// the figures and exits 1 unless: the server never died, nothing is left in use or waiting, every
// 5xx the server sent is a trapping request (and every trapping request got one), each trap
// discarded exactly one instance, the client saw no errors or timeouts, and close() finished.
//
//   node scripts/soak.mjs [--seconds 60] [--connections 32] [--frameworks express,koa,hono]
//
// Needs the guests built (node scripts/build-guests.mjs). Each framework runs for --seconds.
import { fork } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const here = fileURLToPath(import.meta.url);
const GUEST = fileURLToPath(new URL('../guests/hostile/scripted.wasm', import.meta.url));
const TRAP_EVERY = 100;
const SAMPLE_MS = 250;
const MiB = 1024 * 1024;

/** One record of the scripted guest's script (guests/hostile/scripted.wat, test/faults/script.ts): op, five i32. */
function record(op, ...args) {
  const bytes = Buffer.alloc(21);
  bytes[0] = op;
  args.forEach((a, i) => bytes.writeInt32LE(a, 1 + i * 4));
  return bytes.toString('hex');
}
/** The trapping requests rotate: the guest's own trap, a header value with CR/LF, a pointer past memory. */
const TRAP_SCRIPTS = [
  record(0x21),
  record(11, 1, 0x4000, 4, 0x4020, 21), // set_header_value(response, "x-ok", "fine\r\nx-injected: yes")
  record(6, 0x7fff_ffff, 0x7fff_ffff), // get_uri into a buffer past the end of memory
];

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    connections: { type: 'string', default: '32' },
    frameworks: { type: 'string', default: 'express' },
    serve: { type: 'string' },
  },
});

if (values.serve) await serve(values.serve);
else await main();

// ---- the app under load (child process) ----

async function serve(framework) {
  const http = await import('node:http');
  const url = pathToFileURL(GUEST).href;
  let app;
  if (framework === 'express') {
    const { default: express } = await import('express');
    const { daprWasm } = await import('@dapr-wasm/express');
    const wasm = daprWasm({ url });
    const routes = express();
    routes.use(wasm);
    routes.use((_req, res) => void res.type('text/plain').end('ok\n'));
    app = { wasm, server: http.createServer(routes) };
  } else if (framework === 'koa') {
    const { default: Koa } = await import('koa');
    const { daprWasm } = await import('@dapr-wasm/koa');
    const wasm = daprWasm({ url });
    const routes = new Koa();
    routes.use(wasm);
    routes.use((ctx) => void (ctx.body = 'ok\n'));
    app = { wasm, server: http.createServer(routes.callback()) };
  } else if (framework === 'hono') {
    const { Hono } = await import('hono');
    const { getRequestListener } = await import('@hono/node-server');
    const { daprWasm } = await import('@dapr-wasm/hono');
    const wasm = daprWasm({ url });
    const routes = new Hono();
    routes.use(wasm);
    routes.all('*', (c) => c.text('ok\n'));
    app = { wasm, server: http.createServer(getRequestListener(routes.fetch)) };
  } else throw new Error(`unknown framework ${framework} (express, koa, hono)`);
  await app.wasm.ready;

  // Counted at the socket, independent of the middleware: what came in, what went out.
  const seen = { requests: 0, trapping: 0, byStatus: {} };
  app.server.on('request', (req, res) => {
    seen.requests++;
    if (req.headers['x-script'] !== undefined) seen.trapping++;
    res.on('finish', () => (seen.byStatus[res.statusCode] = (seen.byStatus[res.statusCode] ?? 0) + 1));
  });
  await new Promise((resolve) => app.server.listen(0, '127.0.0.1', resolve));
  const sample = () => ({ rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, stats: app.wasm.stats(), seen });

  process.on('message', async (msg) => {
    if (msg === 'sample') process.send({ type: 'sample', ...sample() });
    if (msg === 'finish') {
      const beforeGc = sample();
      globalThis.gc?.();
      const afterGc = sample();
      const started = performance.now();
      await new Promise((resolve) => {
        app.server.close(resolve);
        app.server.closeAllConnections();
      });
      await app.wasm.close();
      process.send({ type: 'final', beforeGc, afterGc, closeMs: performance.now() - started });
      process.disconnect();
    }
  });
  process.send({ type: 'listening', url: `http://127.0.0.1:${app.server.address().port}` });
}

// ---- the load and the verdict (parent process) ----

function startServer(framework) {
  const child = fork(here, ['--serve', framework], { execArgv: ['--expose-gc', '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const next = (type) =>
    new Promise((resolve, reject) => {
      const onMessage = (msg) => msg.type === type && (child.off('message', onMessage), resolve(msg));
      child.on('message', onMessage);
      exited.then(({ code, signal }) => reject(new Error(`the server exited (code ${code}, signal ${signal}) while waiting for ${type}`)));
    });
  return { child, exited, next };
}

async function soak(framework, seconds, connections) {
  const { default: autocannon } = await import('autocannon');
  const server = startServer(framework);
  const { url } = await server.next('listening');
  let died;
  server.exited.then(({ code, signal }) => (died ??= `exited with code ${code}, signal ${signal}`));

  const rss = { idle: 0, warm: 0, peak: 0, samples: 0 };
  const ask = async () => (server.child.send('sample'), server.next('sample'));
  rss.idle = (await ask()).rss;
  const started = performance.now();
  const sampler = setInterval(async () => {
    const s = await ask().catch(() => undefined);
    if (!s) return;
    rss.peak = Math.max(rss.peak, s.rss);
    rss.samples++;
    if (!rss.warm && performance.now() - started > 5000) rss.warm = s.rss;
  }, SAMPLE_MS);

  let built = 0;
  const load = await autocannon({
    url,
    connections,
    duration: seconds,
    requests: [
      {
        method: 'GET',
        path: '/soak',
        // Every 100th request makes the guest trap, one way or another.
        setupRequest: (req) => {
          if (++built % TRAP_EVERY !== 0) return req;
          const script = TRAP_SCRIPTS[(built / TRAP_EVERY) % TRAP_SCRIPTS.length];
          return { ...req, headers: { ...req.headers, 'x-script': script } };
        },
      },
    ],
  });
  clearInterval(sampler);

  server.child.send('finish');
  const final = await Promise.race([server.next('final'), new Promise((resolve) => setTimeout(() => resolve(undefined), 10_000))]);
  const exit = await Promise.race([server.exited, new Promise((resolve) => setTimeout(() => resolve(undefined), 5000))]);
  if (!exit) server.child.kill('SIGKILL');
  return { framework, seconds, connections, load, rss, final, died, exit };
}

function verdict(run) {
  const problems = [];
  const { final, load } = run;
  if (run.died && !final) problems.push(`the server died: ${run.died}`);
  if (!final) return [...problems, 'the server did not report its final figures (close() did not finish within 10 s)'];
  const { stats, seen } = final.afterGc;
  const fivexx = Object.entries(seen.byStatus).filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
  const other = Object.entries(seen.byStatus).filter(([s]) => s !== '200' && s !== '500');
  if (stats.inUse !== 0) problems.push(`${stats.inUse} instances left in use`);
  if (stats.waiting !== 0) problems.push(`${stats.waiting} requests left waiting`);
  if (fivexx !== seen.trapping) problems.push(`${fivexx} 5xx answers for ${seen.trapping} trapping requests`);
  if ((seen.byStatus[500] ?? 0) !== seen.trapping) problems.push(`${seen.byStatus[500] ?? 0} 500s for ${seen.trapping} trapping requests`);
  if (other.length) problems.push(`unexpected statuses: ${JSON.stringify(Object.fromEntries(other))}`);
  if (stats.discarded !== seen.trapping) problems.push(`${stats.discarded} instances discarded for ${seen.trapping} traps`);
  if (load.errors || load.timeouts) problems.push(`client saw ${load.errors} errors and ${load.timeouts} timeouts`);
  if (run.exit?.code !== 0) problems.push(`the server did not exit cleanly: ${JSON.stringify(run.exit)}`);
  return problems;
}

function report(run, problems) {
  const { final, load, rss } = run;
  const mib = (b) => `${(b / MiB).toFixed(1)} MiB`;
  const lines = [`soak: ${run.framework}, ${run.seconds} s, ${run.connections} connections, 1 request in ${TRAP_EVERY} traps`];
  lines.push(`  load      ${load.requests.total} requests answered (${Math.round(load.requests.average)} req/s), latency p50 ${load.latency.p50} ms, p99 ${load.latency.p99} ms`);
  lines.push(`  client    2xx ${load['2xx']}, non-2xx ${load.non2xx}, errors ${load.errors}, timeouts ${load.timeouts}`);
  if (final) {
    const { stats, seen } = final.afterGc;
    lines.push(`  server    received ${seen.requests}, trapping ${seen.trapping}, answered by status ${JSON.stringify(seen.byStatus)}`);
    lines.push(`  pool      ${JSON.stringify(stats)}; close() took ${final.closeMs.toFixed(0)} ms`);
    lines.push(`  rss       idle ${mib(rss.idle)}, after 5 s ${mib(rss.warm)}, peak ${mib(rss.peak)}, end ${mib(final.beforeGc.rss)} (after gc ${mib(final.afterGc.rss)}); growth from 5 s to end ${mib(final.afterGc.rss - rss.warm)}; heap after gc ${mib(final.afterGc.heapUsed)}`);
  }
  lines.push(problems.length ? `  FAILED    ${problems.join('; ')}` : '  ok        no crash, no instance leaked, errors = trapping requests');
  console.log(lines.join('\n'));
}

async function main() {
  const seconds = Number(values.seconds);
  const connections = Number(values.connections);
  if (!(seconds > 0) || !(connections > 0)) throw new Error('--seconds and --connections must be positive numbers');
  let failed = false;
  for (const framework of values.frameworks.split(',').map((f) => f.trim()).filter(Boolean)) {
    const run = await soak(framework, seconds, connections);
    const problems = verdict(run);
    report(run, problems);
    failed ||= problems.length > 0;
  }
  process.exit(failed ? 1 : 0);
}
