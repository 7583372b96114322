// `dapr-wasm invoke` as a subprocess: what downstream saw after a rewrite (next=1), a guest that
// answers itself (next=0), a response buffered through the guest, and failures with exit 1.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dapr, daprJson } from './cli';
import { guest, removeGuests } from './guests';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dapr-wasm-cli-invoke-'));
});
afterAll(async () => {
  await removeGuests();
  await rm(dir, { recursive: true, force: true });
});

const header = (lines: [string, string][], name: string) => lines.filter(([n]) => n.toLowerCase() === name).map(([, v]) => v);

describe('next=1: downstream runs', () => {
  it('downstream saw the rewritten URI and the added header; the client got the stub response with the guest header', async () => {
    await writeFile(join(dir, 'payload.json'), '{"id":7}');
    const { code, report } = await daprJson(
      ['invoke', await guest('gate'), '--uri', '/api/users?id=7', '-H', 'x-trace: a', '-H', 'x-trace: b', '--data', `@${join(dir, 'payload.json')}`,
        '--status', '201', '--body', 'created', '--resp-header', 'content-type: text/plain'],
    );
    expect(code).toBe(0);
    expect(report.next).toBe(true);
    expect(report.outcome).toBe('sent');
    expect(report.error).toBeNull();
    expect(report.request).toMatchObject({ method: 'POST', uri: '/api/users?id=7' });
    expect(report.downstream).toMatchObject({ method: 'POST', uri: '/v1/users?id=7', body: { size: 8, text: '{"id":7}' }, bufferResponse: false });
    expect(header(report.downstream.headers, 'x-trace')).toEqual(['a', 'b']); // field lines stay apart
    expect(header(report.downstream.headers, 'x-gate')).toEqual(['passed']);
    expect(header(report.downstream.headers, 'content-length')).toEqual(['8']);
    expect(report.response).toMatchObject({ status: 201, body: { size: 7, text: 'created' } });
    expect(header(report.response.headers, 'x-gate')).toEqual(['1']);
    expect(header(report.response.headers, 'content-type')).toEqual(['text/plain']);
    expect(report.log).toContainEqual({ level: 'debug', message: 'rewrote /api/users to /v1/users', stream: 'log' });
  });

  it('prints the three sides and the guest log for people', async () => {
    const r = await dapr(['invoke', await guest('gate'), '--uri', '/api/a']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('▸ downstream saw  next=1\n  GET /v1/a\n');
    expect(r.stdout).toContain('  x-gate: passed\n');
    expect(r.stdout).toContain('▸ response  from downstream\n  200\n');
    expect(r.stdout).toMatch(/▸ guest log\n {2}debug log {2}rewrote \/api\/a to \/v1\/a\n/);
    expect(r.stdout).toMatch(/✔ next=1, status 200\n$/);
  });

  it('with buffer_response enabled at init, the response passes through the guest', async () => {
    const { code, report } = await daprJson(['invoke', await guest('init-features'), '--body', 'from the app']);
    expect(code).toBe(0);
    expect(report.downstream.bufferResponse).toBe(true);
    expect(report.outcome).toBe('respond');
    expect(report.response).toMatchObject({ status: 200, body: { text: 'from the app' } });
  });
});

describe('next=0: the guest answers', () => {
  it('downstream is never called and the guest response is final', async () => {
    const { code, report } = await daprJson(['invoke', await guest('gate'), '--uri', '/blocked']);
    expect(code).toBe(0);
    expect(report.next).toBe(false);
    expect(report.downstream).toBeNull();
    expect(report.outcome).toBe('respond');
    expect(report.response).toMatchObject({ status: 403, headers: [['content-type', 'text/plain']], body: { text: 'blocked by gate\n' } });
    const r = await dapr(['invoke', await guest('gate'), '--uri', '/blocked']);
    expect(r.stdout).toContain('▸ downstream never called (next=0): the guest answered itself');
    expect(r.stdout).toContain('▸ response  written by the guest\n  403\n');
  });
});

describe('a failing guest: exit 1 with the error code, phase and message', () => {
  it('a trap in handle_request', async () => {
    const r = await dapr(['invoke', await guest('trap')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✖ guest failed: DAPR_WASM_TRAP in handle_request');
    expect(r.stdout).toMatch(/trapped in handle_request: unreachable/);
    expect(r.stdout).toContain('▸ downstream never called: the guest failed in handle_request');
    expect(r.stdout).toMatch(/error log {2}about to trap/);
    const { report } = await daprJson(['invoke', await guest('trap')]);
    expect(report.outcome).toBe('fail');
    expect(report.response.status).toBe(500);
    expect(report.error).toMatchObject({ name: 'GuestTrapError', code: 'DAPR_WASM_TRAP', phase: 'handle_request' });
  });

  it('a guest that never returns is stopped at --deadline', async () => {
    const started = Date.now();
    const { code, report } = await daprJson(['invoke', await guest('spin'), '--deadline', '50']);
    expect(code).toBe(1);
    expect(report.error).toMatchObject({ code: 'DAPR_WASM_DEADLINE', phase: 'handle_request' });
    expect(report.response.status).toBe(504);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('a guest that cannot start never sees the request', async () => {
    const { code, report } = await daprJson(['invoke', await guest('unknown-imports')]);
    expect(code).toBe(1);
    expect(report.outcome).toBe('not-started');
    expect(report.response).toBeNull();
    expect(report.error.code).toBe('DAPR_WASM_LINK');
    expect(report.error.missing).toHaveLength(4);
  });
});
