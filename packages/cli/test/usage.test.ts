// The command line itself: help for the tool and each command, the version, usage errors with
// exit 2, and colour only when asked for (a pipe gets none; NO_COLOR beats FORCE_COLOR).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dapr } from './cli';

const version = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;

describe.concurrent('help and version', () => {
  it('--help lists every command, exit 0', async () => {
    const r = await dapr(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: dapr-wasm <command>/);
    for (const c of ['inspect', 'invoke', 'new']) expect(r.stdout).toMatch(new RegExp(`^  ${c}\\s+\\S`, 'm'));
  });

  it.each([
    [['inspect', '--help'], 'Usage: dapr-wasm inspect'],
    [['invoke', '-h'], 'Usage: dapr-wasm invoke'],
    [['new', '--help'], 'Usage: dapr-wasm new'],
    [['help', 'invoke'], 'Usage: dapr-wasm invoke'],
  ])('%j shows that command\'s help', async (args, first) => {
    const r = await dapr(args);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith(first)).toBe(true);
  });

  it('--version prints the package version', async () => {
    const r = await dapr(['--version']);
    expect(r).toMatchObject({ code: 0, stdout: `${version}\n` });
  });
});

describe.concurrent('usage errors exit 2 and point at the help', () => {
  it.each([
    [[], /Usage: dapr-wasm <command>/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['help', 'frobnicate'], /unknown command "frobnicate"/],
    [['inspect'], /dapr-wasm inspect: missing guest/],
    [['inspect', 'a.wasm', 'b.wasm'], /expected one guest/],
    [['inspect', 'a.wasm', '--verbose'], /Unknown option '--verbose'/],
    [['invoke', 'a.wasm', '--status', 'abc'], /--status must be an integer from 200 to 599/],
    [['invoke', 'a.wasm', '--status', '101'], /--status must be an integer from 200 to 599/],
    [['invoke', 'a.wasm', '--header', 'no-colon'], /--header "no-colon": expected name:value/],
    [['invoke', 'a.wasm', '--uri', 'no-slash'], /--uri "no-slash": expected a request-target/],
    [['invoke', 'a.wasm', '--method', 'GE T'], /is not an HTTP method/],
    [['invoke', 'a.wasm', '--data', '@/nonexistent/payload'], /--data @\/nonexistent\/payload: cannot read/],
    [['invoke', 'a.wasm', '--method'], /argument missing/],
    [['new'], /missing project name/],
    [['new', 'Bad Name'], /not a valid package name/],
    [['new', 'ok', '--deps', 'sometimes'], /--deps must be one of link, install, none/],
  ])('%j', async (args, message) => {
    const r = await dapr(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    if (args.length) expect(r.stderr).toMatch(/See 'dapr-wasm( \w+)? --help'\./);
  });
});

describe('colour', () => {
  it('is off in a pipe, on with FORCE_COLOR, and off again with NO_COLOR', async () => {
    expect((await dapr(['new', 'Bad Name'])).stderr).not.toContain('\x1b[');
    expect((await dapr(['new', 'Bad Name'], { env: { FORCE_COLOR: '1' } })).stderr).toContain('\x1b[31m');
    expect((await dapr(['new', 'Bad Name'], { env: { FORCE_COLOR: '1', NO_COLOR: '1' } })).stderr).not.toContain('\x1b[');
  });
});
