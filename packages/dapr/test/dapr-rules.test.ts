/**
 * The Go and Dapr rules reimplemented here, checked against the outputs of the Go originals:
 * time.ParseDuration, os.ExpandEnv, encoding/json through DynamicValue, kit's IsTruthy and daprd's
 * envRef allowlist.
 */
import { describe, expect, it } from 'vitest';
import { dynamicValueText } from '../src/dynamic-value.js';
import { envRefDenial } from '../src/env-access.js';
import { expandEnv } from '../src/env-expansion.js';
import { parseGoDuration } from '../src/go-duration.js';
import { isTruthy } from '../src/truthy.js';

describe('time.ParseDuration', () => {
  it.each([
    ['5s', 5000],
    ['1m30s', 90_000],
    ['1.5h', 5_400_000],
    ['300ms', 300],
    ['100us', 0.1],
    ['2µs', 0.002],
    ['.5s', 500],
    ['1h30m0.5s', 5_400_500],
    ['+2m', 120_000],
    ['0', 0],
  ])('%s is %d ms', (text, ms) => expect(parseGoDuration(text)).toBe(ms));

  it.each([
    ['', 'invalid duration ""'],
    ['5', 'missing unit in duration "5"'],
    ['1s2', 'missing unit'],
    ['1x', 'unknown unit "x"'],
    ['s', 'invalid duration "s"'],
    ['3000000h', 'invalid duration'],
  ])('%j fails: %s', (text, message) => expect(() => parseGoDuration(text)).toThrow(message));
});

describe('os.ExpandEnv', () => {
  const env = { A: 'x', AB: 'y', 'A:-d': 'odd', '1': 'one' };
  it.each([
    ['$A', 'x'],
    ['${A}b', 'xb'],
    ['$AB-c', 'y-c'], // longest name
    ['${A:-d}', 'odd'], // no default syntax: the whole text is the name
    ['$1x', 'onex'], // a digit is a one-character name
    ['cost $', 'cost $'], // trailing $ stays
    ['a $ b', 'a $ b'], // $ before nothing nameable stays
    ['${}z', 'z'], // bad syntax is eaten
    ['${A', 'A'],
    ['$UNSET.', '.'],
  ])('%j expands to %j', (text, expected) => expect(expandEnv(text, env)).toBe(expected));

  it('reports each unset name', () => {
    const missing: string[] = [];
    expandEnv('$NOPE ${ALSO_NOPE} $A', env, (n) => missing.push(n));
    expect(missing).toEqual(['NOPE', 'ALSO_NOPE']);
  });
});

describe('DynamicValue.String', () => {
  it.each([
    [undefined, ''],
    [null, ''],
    ['text', 'text'],
    ['<not escaped>', '<not escaped>'], // a plain string is unquoted again
    [true, 'true'],
    [42n, '42'],
    [12345678901234567890n, '12345678901234567890'],
    [1.5, '1.5'],
    [1, '1'],
    [1e21, '1e+21'],
    [1e-7, '1e-7'],
    [{ b: 1, a: [true, null], 'é': 'x', Z: '<&>' }, '{"Z":"\\u003c\\u0026\\u003e","a":[true,null],"b":1,"é":"x"}'],
    [['a\u2028b'], '["a\\u2028b"]'],
  ])('%o becomes %s', (value, text) => expect(dynamicValueText(value)).toBe(text));

  it('refuses what JSON cannot hold', () => {
    expect(() => dynamicValueText(Number.POSITIVE_INFINITY)).toThrow(RangeError);
    expect(() => dynamicValueText({ x: Number.NaN })).toThrow(RangeError);
  });
});

describe('IsTruthy', () => {
  it.each(['y', 'YES', 'true', 'T', 'on', '1', ' True '])('%j is true', (v) => expect(isTruthy(v)).toBe(true));
  it.each(['', 'no', 'false', '0', '2', 'enabled'])('%j is false', (v) => expect(isTruthy(v)).toBe(false));
});

describe("daprd's envRef rules", () => {
  it('refuses the sidecar credentials and malformed names', () => {
    expect(envRefDenial('APP_API_TOKEN', {})).toBeDefined();
    expect(envRefDenial('dapr_http_port', {})).toBeDefined();
    expect(envRefDenial('MY VAR', {})).toBeDefined();
    expect(envRefDenial('MY_VAR', {})).toBeUndefined();
  });

  it('applies DAPR_ENV_KEYS as an allowlist when set', () => {
    const env = { DAPR_ENV_KEYS: 'GUEST_CONFIG OTHER' };
    expect(envRefDenial('guest_config', env)).toBeUndefined();
    expect(envRefDenial('GUEST', env)).toMatch(/DAPR_ENV_KEYS/);
  });
});
