// Every guest built with the SDK must link against any http-wasm host: it may import only
// http_handler functions, with the spec's exact signatures, and must export exactly memory,
// handle_request and handle_response.
import { readFile } from 'node:fs/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { HOST_FUNCTIONS, LIFECYCLE_EXPORTS } from './abi';
import { FakeHost } from './fake-host';
import { ensureGuestsBuilt, guestFiles, guestUrl } from './guests';
import { readSignatures } from './wasm-signatures';

beforeAll(ensureGuestsBuilt, 240_000);

const names = [...(await guestFiles()).keys()].sort();

describe.each(names)('%s', (name) => {
  let bytes: Uint8Array<ArrayBuffer>;
  let module: WebAssembly.Module;
  beforeAll(async () => {
    bytes = new Uint8Array(await readFile(guestUrl(name)));
    module = await WebAssembly.compile(bytes);
  });

  it('imports only http_handler functions, with the ABI signatures', () => {
    const imports = WebAssembly.Module.imports(module);
    for (const imp of imports) {
      expect(imp.module).toBe('http_handler');
      expect(imp.kind).toBe('function');
      expect(Object.keys(HOST_FUNCTIONS)).toContain(imp.name);
    }
    const signatures = readSignatures(bytes).imports;
    for (const [key, signature] of signatures) {
      expect(signature, key).toEqual(HOST_FUNCTIONS[key.slice('http_handler.'.length)]);
    }
  });

  it('exports exactly memory, handle_request and handle_response', () => {
    const exports = WebAssembly.Module.exports(module).map((e) => `${e.kind} ${e.name}`).sort();
    expect(exports).toEqual(['function handle_request', 'function handle_response', 'memory memory']);
    const signatures = readSignatures(bytes).exports;
    for (const [name, signature] of Object.entries(LIFECYCLE_EXPORTS)) expect(signatures.get(name)).toEqual(signature);
  });

  it('makes no host call while instantiating, so hosts need no start-function workaround', () => {
    const host = new FakeHost();
    host.instantiate(module);
    expect(host.calls).toEqual([]);
  });
});

it('the SDK fixture uses all 19 host functions, so every abi.ts signature is checked', async () => {
  const used = WebAssembly.Module.imports(await WebAssembly.compile(await readFile(guestUrl('test/sdk')))).map((i) => i.name);
  expect(used.sort()).toEqual(Object.keys(HOST_FUNCTIONS).sort());
});
