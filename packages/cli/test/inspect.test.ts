// `dapr-wasm inspect` as a subprocess: the description of good and bad guests, features enabled
// at init by a start section and by a WASI command, and the verdict with its exit code.
import { readFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dapr, daprJson } from './cli';
import { guest, removeGuests } from './guests';

afterAll(removeGuests);

describe('a guest the host can run', () => {
  it('prints the facts, the host functions by group and "can run", exit 0', async () => {
    const r = await dapr(['inspect', await guest('gate')]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^ABI\s+http-wasm$/m);
    expect(r.stdout).toMatch(/^ABI exports\s+memory ✔, handle_request ✔, handle_response ✔$/m);
    expect(r.stdout).toMatch(/^\s+handle_request\s+func \(\) -> i64$/m);
    expect(r.stdout).toMatch(/^\s+request line\s+get_uri, set_uri$/m);
    expect(r.stdout).toMatch(/^WASI\s+none$/m);
    expect(r.stdout).toMatch(/✔ can run\n$/);
    expect(r.stdout).not.toContain('\x1b['); // not a terminal: no colour
  });

  it('--json: exports and imports with signatures, http_handler use, memory, size', async () => {
    const { code, report } = await daprJson(['inspect', await guest('gate')]);
    expect(code).toBe(0);
    expect(report.verdict).toEqual({ canRun: true, reasons: [] });
    const d = report.description;
    expect(d.abi).toBe('http-wasm');
    expect(d.exports).toContainEqual({ name: 'handle_response', kind: 'function', signature: '(i32, i32) -> ()' });
    expect(d.imports).toContainEqual({ module: 'http_handler', name: 'set_uri', kind: 'function', signature: '(i32, i32) -> ()' });
    expect(d.httpHandler.used).toEqual(expect.arrayContaining(['get_uri', 'set_uri', 'set_header_value', 'log']));
    expect(d.httpHandler.unknown).toEqual([]);
    expect(d.memories).toEqual([{ initialPages: 1, maxPages: null, imported: false }]);
    expect(d.size).toBeGreaterThan(100);
    expect(report.featuresAtInit).toMatchObject({ enabled: [], enableFeaturesCalls: 0 });
  });

  it('reads the features a start section enabled at init, and what it asked for but was not offered', async () => {
    const { code, report } = await daprJson(['inspect', await guest('init-features'), '--config', '{"mode":"strict"}']);
    expect(code).toBe(0);
    expect(report.description.startSection).toBe(true);
    expect(report.description.memories).toEqual([{ initialPages: 1, maxPages: 4, imported: false }]);
    expect(report.featuresAtInit).toEqual({
      enabled: ['buffer_response', 'trailers'],
      requested: ['buffer_response', 'trailers', '0x10'],
      enableFeaturesCalls: 1,
      getConfigCalls: 2,
    });
    const text = await dapr(['inspect', await guest('init-features')]);
    expect(text.stdout).toMatch(/^features at init\s+buffer_response, trailers \(asked for buffer_response, trailers, 0x10; not offered: 0x10\)$/m);
    expect(text.stdout).toMatch(/^start section\s+yes/m);
  });

  it('reads a guest from an http:// URL, and says when the URL answers 404', async () => {
    const bytes = await readFile(await guest('gate'));
    const server: Server = createServer((req, res) => {
      if (req.url === '/gate.wasm') res.end(bytes);
      else res.writeHead(404).end();
    });
    await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const found = await daprJson(['inspect', `${base}/gate.wasm`]);
      expect(found.code).toBe(0);
      expect(found.report).toMatchObject({ guest: `${base}/gate.wasm`, verdict: { canRun: true }, description: { size: bytes.length } });
      const missing = await daprJson(['inspect', `${base}/absent.wasm`]);
      expect(missing.code).toBe(1);
      expect(missing.report.verdict.reasons).toEqual([`cannot fetch ${base}/absent.wasm (HTTP 404)`]);
    } finally {
      server.close();
    }
  });

  it('a WASI command: _start, its WASI imports, its output and the features it enabled', async () => {
    const { code, report } = await daprJson(['inspect', await guest('wasi-command')]);
    expect(code).toBe(0);
    expect(report.description.wasi).toEqual({ mode: 'command', functions: ['fd_write', 'clock_time_get', 'random_get'] });
    expect(report.featuresAtInit.enabled).toEqual(['buffer_request']);
    expect(report.initLog).toEqual([{ level: 'info', message: 'hello from _start', stream: 'stdout' }]);
  });
});

describe('a guest the host cannot run: exit 1 and the reason', () => {
  it('a missing ABI export is named', async () => {
    const r = await dapr(['inspect', await guest('no-handle-response')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^ABI exports\s+memory ✔, handle_request ✔, handle_response missing$/m);
    expect(r.stdout).toMatch(/✖ cannot run: .*doesn't export func\[handle_response\]/);
    expect(r.stdout).toContain('DAPR_WASM_COMPILE in compile, culprit handle_response');
  });

  it('every import the host does not provide is listed, each with its reason', async () => {
    const r = await dapr(['inspect', await guest('unknown-imports')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ cannot run: it imports 4 thing(s) this host does not provide:');
    expect(r.stdout).toContain('env.abort (unknown module "env")');
    expect(r.stdout).toContain('http_handler.get_uri (imported as (i32) -> i32, host provides (i32, i32) -> i32)');
    expect(r.stdout).toContain('http_handler.get_cookie (no such http_handler function)');
    expect(r.stdout).toContain('sidecar.call (unknown module "sidecar")');
    const { report } = await daprJson(['inspect', await guest('unknown-imports')]);
    expect(report.verdict.error.code).toBe('DAPR_WASM_LINK');
    expect(report.verdict.error.missing).toEqual(['env.abort', 'http_handler.get_uri', 'http_handler.get_cookie', 'sidecar.call']);
    expect(report.description.httpHandler.unknown).toEqual(['get_cookie']);
  });

  it('a proxy-wasm filter is recognised and refused', async () => {
    const { code, report } = await daprJson(['inspect', await guest('proxy-filter')]);
    expect(code).toBe(1);
    expect(report.description.abi).toBe('proxy-wasm');
    expect(report.verdict.canRun).toBe(false);
    expect(report.verdict.reasons[0]).toMatch(/proxy-wasm/);
  });

  it('bytes that are not wasm, and a file that is not there', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dapr-wasm-cli-'));
    try {
      await writeFile(join(dir, 'text.wasm'), 'not a module at all\n');
      const r = await dapr(['inspect', 'text.wasm'], { cwd: dir });
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(/^binary\s+not a WebAssembly binary \(bad magic number\)$/m);
      expect(r.stdout).toMatch(/✖ cannot run: .*is not a WebAssembly module/);

      const missing = await daprJson(['inspect', 'file://absent.wasm'], { cwd: dir });
      expect(missing.code).toBe(1);
      expect(missing.report.description).toBeNull();
      expect(missing.report.verdict.error).toMatchObject({ code: 'DAPR_WASM_LOAD', phase: 'load' });
      expect(missing.report.verdict.reasons[0]).toContain('no such file');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
