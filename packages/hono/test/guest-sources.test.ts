/**
 * How each runtime takes a guest. Node, Bun and Deno read `file://` URLs and compile bytes at run
 * time. Cloudflare Workers do neither: workerd refuses to compile wasm at run time, so a guest
 * arrives only as a WebAssembly.Module imported from a `.wasm` file, and a `file://` URL is refused
 * at load with a GuestLoadError saying what to do instead.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RuntimeName } from '../../../test/runtimes/app-contract.js';
import type { GuestSource, LoadReport, SourceConfig } from './fixtures/guest-sources-app.js';
import { get } from './http.js';
import { CASES_GUEST, RUNTIMES, SOURCES_APP, serve } from './serve.js';

async function configFor(source: GuestSource): Promise<SourceConfig> {
  if (source === 'file') return { source, url: pathToFileURL(CASES_GUEST).href };
  if (source === 'bytes') return { source, base64: (await readFile(CASES_GUEST)).toString('base64') };
  return { source };
}

async function loadOn(runtime: RuntimeName, source: GuestSource): Promise<LoadReport> {
  const app = await serve(runtime, SOURCES_APP, await configFor(source));
  try {
    return JSON.parse((await get(app.url, '/')).body) as LoadReport;
  } finally {
    await app.close();
  }
}

const loaded: LoadReport = { loaded: true };

describe.each(RUNTIMES.filter((r) => r !== 'workerd'))('guest sources on %s', (runtime) => {
  it.each(['file', 'bytes', 'module'] as const)('loads a guest from %s', async (source) => {
    expect(await loadOn(runtime, source)).toEqual(loaded);
  });
});

describe('guest sources on workerd', () => {
  it('loads a guest imported as a WebAssembly.Module', async () => {
    expect(await loadOn('workerd', 'module')).toEqual(loaded);
  });

  it('refuses to compile bytes at run time', async () => {
    expect(await loadOn('workerd', 'bytes')).toMatchObject({
      loaded: false,
      name: 'GuestCompileError',
      phase: 'compile',
      message: expect.stringMatching(/Wasm code generation disallowed by embedder/),
    });
  });

  it('refuses a file:// URL with a GuestLoadError saying to import the .wasm file', async () => {
    const report = await loadOn('workerd', 'file');
    expect(report).toMatchObject({ loaded: false, name: 'GuestLoadError', code: 'DAPR_WASM_LOAD', phase: 'load' });
    expect(report.message).toBe(
      `guest ${pathToFileURL(CASES_GUEST).href}: this runtime cannot read ${pathToFileURL(CASES_GUEST).href}; ` +
        'pass the guest as bytes or as a WebAssembly.Module (on Cloudflare Workers, import the .wasm file)',
    );
  });
});
