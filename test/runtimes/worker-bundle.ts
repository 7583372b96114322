/**
 * Bundles an app for workerd. workerd runs no TypeScript and resolves no node_modules, and it
 * refuses to compile wasm from bytes, so the app, hono and the workspace packages become one ES
 * module, and each guest becomes a separate `CompiledWasm` module that the bundle imports: workerd
 * hands such an import over as a ready `WebAssembly.Module`.
 *
 * esbuild is the bundler wrangler itself uses; it is loaded through wrangler's own dependency so
 * the repository needs no extra package, and its version moves with the pinned wrangler.
 */
import { createRequire } from 'node:module';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ServeSpec } from './app-contract.js';
import { REPO_ROOT } from './runtime-binaries.js';
import { specAsJson } from './spec-json.js';

/** The slice of esbuild's API used here; esbuild's own types are not resolvable from the root. */
interface Esbuild {
  build(options: Record<string, unknown> & { plugins: EsbuildPlugin[] }): Promise<{ outputFiles: { text: string }[] }>;
}
interface EsbuildPlugin {
  name: string;
  setup(build: {
    onResolve(
      options: { filter: RegExp; namespace?: string },
      resolve: (args: { path: string }) => { path: string; namespace?: string; external?: boolean },
    ): void;
    onLoad(options: { filter: RegExp; namespace: string }, load: () => { contents: string; loader: 'js' }): void;
  }): void;
}

export interface WorkerModule {
  type: 'ESModule' | 'CompiledWasm';
  path: string;
  contents: string | Uint8Array<ArrayBuffer>;
}

const TEMPLATE = join(REPO_ROOT, 'test', 'runtimes', 'entries', 'workerd-worker.ts');
const VIRTUAL = /^runtime-app:(factory|guests)$/;

function loadEsbuild(): Esbuild {
  const require = createRequire(import.meta.url);
  return createRequire(require.resolve('wrangler/package.json'))('esbuild') as Esbuild;
}

/** The bundle first (workerd's main module), then one module per guest. */
export async function bundleWorker(spec: ServeSpec): Promise<WorkerModule[]> {
  const names = Object.keys(spec.guests);
  const wasmPath = (i: number) => `guest-${i}.wasm`;
  const guestsSource = [
    ...names.map((_, i) => `import guest${i} from ${JSON.stringify('./' + wasmPath(i))};`),
    `export const guests = { ${names.map((name, i) => `${JSON.stringify(name)}: guest${i}`).join(', ')} };`,
    `export const { config } = ${specAsJson('workerd', spec)};`,
  ].join('\n');

  const result = await loadEsbuild().build({
    entryPoints: [TEMPLATE],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    // The export conditions wrangler uses for Workers.
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    absWorkingDir: REPO_ROOT,
    logLevel: 'silent',
    plugins: [
      {
        name: 'runtime-app',
        setup(build) {
          build.onResolve({ filter: VIRTUAL }, (args) =>
            args.path.endsWith('factory') ? { path: spec.app } : { path: args.path, namespace: 'runtime-app' },
          );
          build.onLoad({ filter: /.*/, namespace: 'runtime-app' }, () => ({ contents: guestsSource, loader: 'js' }));
          // Guests stay separate modules, named as the Miniflare module list below names them.
          build.onResolve({ filter: /\.wasm$/, namespace: 'runtime-app' }, (args) => ({ path: args.path, external: true }));
        },
      },
    ],
  });
  const wasm = await Promise.all(
    Object.values(spec.guests).map(async (path, i): Promise<WorkerModule> => ({
      type: 'CompiledWasm',
      path: wasmPath(i),
      contents: new Uint8Array(await readFile(path)),
    })),
  );
  return [{ type: 'ESModule', path: 'worker.mjs', contents: result.outputFiles[0]!.text }, ...wasm];
}
