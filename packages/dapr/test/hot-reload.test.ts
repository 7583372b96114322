/**
 * Hot reload with `watch: true`: a changed `file://` module is compiled and started before it
 * replaces the serving one, under load, with no failed request; requests in flight finish on the
 * old guest; a broken update is refused and logged while the old guest keeps serving; a changed
 * resources file reloads the pipeline.
 */
import { copyFile, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { PipelineReloadEvent } from '../src/index.js';
import { recordingLogger } from './fixtures.js';
import { componentYaml, writeDaprApp, type ComponentSpec } from './support/dapr-app.js';
import { frameworks, type Framework, type MountedApp } from './support/frameworks.js';
import { guestBytes, guestPath } from './support/guests.js';
import { runLoad } from './support/load.js';

const v1 = guestBytes('dapr/stamp-v1.wasm');
const v2 = guestBytes('dapr/stamp-v2.wasm');

let dir: string;
let module: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-reload-'));
  module = join(dir, 'stamp.wasm');
  await writeFile(module, v1);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

interface Watched {
  app: MountedApp;
  logger: ReturnType<typeof recordingLogger>;
  /** Resolves with the next reload event. */
  nextReload(): Promise<PipelineReloadEvent>;
  events: PipelineReloadEvent[];
}

async function watched(framework: Framework, components: ComponentSpec[]): Promise<Watched> {
  const files = await writeDaprApp(dir, components);
  const logger = recordingLogger();
  const events: PipelineReloadEvent[] = [];
  let waiting: ((e: PipelineReloadEvent) => void) | undefined;
  const app = await framework.mount({
    ...files,
    cwd: dir,
    logger,
    // Long enough that a busy CI machine still sees each burst below as one change.
    watch: { debounceMs: 150 },
    onReload: (event) => {
      events.push(event);
      waiting?.(event);
      waiting = undefined;
    },
  });
  await app.pipeline.ready;
  return { app, logger, events, nextReload: () => new Promise((resolve) => (waiting = resolve)) };
}

/** Rewrites a file the way an editor's save can: several writes in a burst, a few ms apart. */
async function burstWrite(path: string, bytes: Uint8Array): Promise<void> {
  const file = await open(path, 'w');
  try {
    const half = bytes.length >> 1;
    await file.write(bytes.subarray(0, half));
    await new Promise((resolve) => setTimeout(resolve, 5));
    await file.write(bytes.subarray(half));
  } finally {
    await file.close();
  }
}

const stamp: ComponentSpec[] = [{ name: 'stamp', url: '' }];
const stampAt = () => stamp.map((c) => ({ ...c, url: pathToFileURL(module).href }));

describe.each(frameworks)('$name', (framework) => {
  let w: Watched | undefined;
  afterEach(() => w?.app.close());

  it('swaps a changed module in under load, with no failed request', async () => {
    w = await watched(framework, stampAt());
    const reloaded = w.nextReload();
    const load = runLoad(`${w.app.url}/?delay=1`, 1500);
    await new Promise((resolve) => setTimeout(resolve, 400));
    await burstWrite(module, v2);
    const event = await reloaded;
    const swappedAt = Date.now();
    const results = await load;

    expect(event).toEqual({ scope: 'component', component: 'stamp', ok: true });
    expect(results.length).toBeGreaterThan(100);
    expect(results.filter((r) => r.status !== 200)).toEqual([]);
    expect(new Set(results.map((r) => r.body))).toEqual(new Set(['order=;|v1', 'order=;|v2']));
    expect(results.filter((r) => r.startedAt > swappedAt).every((r) => r.body === 'order=;|v2')).toBe(true);
    // The write burst was one change: one reload.
    expect(w.events).toHaveLength(1);
    expect(w.app.pipeline.components()[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('express', () => {
  const [express] = frameworks;
  let w: Watched | undefined;
  afterEach(() => w?.app.close());

  it('lets a request in flight finish on the old guest', async () => {
    w = await watched(express!, stampAt());
    const slow = fetch(`${w.app.url}/?delay=400`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const reloaded = w.nextReload();
    await writeFile(module, v2);
    await reloaded;
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=;|v2');
    // handle_response of the slow request ran on the instance that served its handle_request.
    expect(await slow).toBe('order=;|v1');
  });

  it('keeps the old guest serving when the update is broken, and says why', async () => {
    w = await watched(express!, stampAt());
    for (const [broken, why] of [
      [guestBytes('dapr/no-handle-response.wasm'), "doesn't export func[handle_response]"],
      [Buffer.from('(module)\n'), 'not a WebAssembly module'],
      [Buffer.alloc(0), 'the module is empty'],
    ] as const) {
      const refused = w.nextReload();
      await writeFile(module, broken);
      const event = await refused;
      expect(event).toMatchObject({ scope: 'component', component: 'stamp', ok: false });
      expect(event.error!.message).toContain(why);
      expect(await (await fetch(w.app.url + '/')).text()).toBe('order=;|v1');
    }
    expect(w.logger.lines.map((l) => l.message)).toContainEqual(
      expect.stringContaining('reload of component "stamp" refused, the previous version keeps serving: component "stamp"'),
    );
    // A good version after broken ones is taken.
    const fixed = w.nextReload();
    await writeFile(module, v2);
    expect(await fixed).toMatchObject({ ok: true });
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=;|v2');
  });

  it('reloads the pipeline when a resources file changes, and refuses a broken one', async () => {
    const tag = { name: 'tag', url: pathToFileURL(guestPath('pipeline/tag.wasm')).href, guestConfig: 'A' };
    w = await watched(express!, [tag, ...stampAt()]);
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=A;|v1A');

    let reloaded = w.nextReload();
    await writeFile(join(dir, 'components', 'tag.yaml'), componentYaml({ ...tag, guestConfig: 'Z' }));
    expect(await reloaded).toEqual({ scope: 'pipeline', ok: true });
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=Z;|v1Z');

    reloaded = w.nextReload();
    await writeFile(join(dir, 'components', 'tag.yaml'), 'kind: Component\nmetadata: [oops');
    const refused = await reloaded;
    expect(refused).toMatchObject({ scope: 'pipeline', ok: false });
    expect(refused.error!.message).toContain('tag.yaml');
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=Z;|v1Z');
  });

  it('reloads when the Configuration changes the pipeline', async () => {
    const tag = { name: 'tag', url: pathToFileURL(guestPath('pipeline/tag.wasm')).href, guestConfig: 'A' };
    w = await watched(express!, [tag, ...stampAt()]);
    const reloaded = w.nextReload();
    const config = join(dir, 'config.yaml');
    await writeFile(config, (await readFile(config, 'utf8')).replace(/    - name: tag\n      type: middleware.http.wasm\n/, ''));
    expect(await reloaded).toEqual({ scope: 'pipeline', ok: true });
    expect(w.app.pipeline.components().map((c) => c.name)).toEqual(['stamp']);
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=;|v1');
  });

  it('watches the module file replaced by rename, as editors save', async () => {
    w = await watched(express!, stampAt());
    const reloaded = w.nextReload();
    const staging = join(dir, 'stamp.wasm.tmp');
    await copyFile(guestPath('dapr/stamp-v2.wasm'), staging);
    await import('node:fs/promises').then((fs) => fs.rename(staging, module));
    expect(await reloaded).toMatchObject({ ok: true });
    expect(await (await fetch(w.app.url + '/')).text()).toBe('order=;|v2');
  });
});
