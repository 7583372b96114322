// A project outside this repository imports the SDK by package name. asc 0.28 resolves
// "@dapr-wasm/guest" to node_modules/@dapr-wasm/guest/index.ts and subpaths by file, so this
// links the package into a temporary project, compiles a guest there and runs it.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { main as asc } from 'assemblyscript/asc';
import { afterAll, expect, it } from 'vitest';
import { FakeHost, header } from './fake-host';

const packageDir = fileURLToPath(new URL('../', import.meta.url));
let project = '';

afterAll(async () => {
  if (project) await rm(project, { recursive: true, force: true });
});

const GUEST = `
import { handleRequest, next, respond } from "@dapr-wasm/guest";
export * from "@dapr-wasm/guest/assembly/exports";

handleRequest((req, res) => {
  if (req.path == "/blocked") {
    res.status = 403;
    return respond();
  }
  res.headers.set("x-guest", "package");
  return next();
});
`;

it('compiles a guest that imports "@dapr-wasm/guest" from node_modules', async () => {
  project = await mkdtemp(join(tmpdir(), 'dapr-wasm-guest-'));
  await mkdir(join(project, 'node_modules', '@dapr-wasm'), { recursive: true });
  await symlink(packageDir, join(project, 'node_modules', '@dapr-wasm', 'guest'), 'dir');
  await writeFile(join(project, 'guest.ts'), GUEST);

  let errors = '';
  const { error } = await asc(
    ['guest.ts', '--outFile', 'guest.wasm', '--baseDir', project, '--runtime', 'minimal', '--optimize', '--noAssert', '--use', 'abort=httpHandlerAbort'],
    { stderr: { write: (s: string | Uint8Array) => ((errors += String(s)), true) } as never },
  );
  expect(error, errors).toBeNull();

  const module = await WebAssembly.compile(await readFile(join(project, 'guest.wasm')));
  expect(new Set(WebAssembly.Module.imports(module).map((i) => i.module))).toEqual(new Set(['http_handler']));
  expect(WebAssembly.Module.exports(module).map((e) => e.name).sort()).toEqual(['handle_request', 'handle_response', 'memory']);

  const host = new FakeHost();
  const instance = host.instantiate(module);
  expect(host.handle(instance, { uri: '/blocked' }).exchange.status).toBe(403);
  const passed = host.handle(instance, { uri: '/ok' });
  expect(passed.next).toBe(true);
  expect(header(passed.exchange, 'x-guest')).toBe('package');
}, 120_000);
