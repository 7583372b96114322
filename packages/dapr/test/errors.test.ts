import { describe, expect, it } from 'vitest';
import { DaprResourceError, loadResources, RESOURCE_ERROR_CODES, type LoadResourcesOptions } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

interface ErrorCase {
  name: string;
  resources: string | string[];
  config?: string;
  options?: Partial<LoadResourcesOptions>;
  expected: {
    code: string;
    file: string;
    line?: number;
    column?: number;
    component?: string;
    field?: string;
  };
  /** Text the message must contain. */
  says: string;
}

const e = (name: string) => fixture('errors', name);
const target = e('handler-target.yaml');

/** Every bad input, the code it fails with, and where it points. */
const cases: ErrorCase[] = [
  { name: 'invalid YAML', resources: e('bad-yaml.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_YAML', file: e('bad-yaml.yaml'), line: 6, column: 9 }, says: 'invalid YAML' },
  { name: 'a missing url', resources: e('missing-url.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_MISSING_URL', file: e('missing-url.yaml'), component: 'no-url', field: 'spec.metadata.url' }, says: 'missing url' },
  { name: 'an unknown kind', resources: e('unknown-kind.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_KIND', file: e('unknown-kind.yaml'), line: 2, field: 'kind' }, says: 'unknown kind "Componnet"' },
  { name: 'no kind', resources: e('no-kind.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_KIND', file: e('no-kind.yaml'), line: 1, field: 'kind' }, says: 'has no kind' },
  { name: 'a Component of the wrong apiVersion', resources: e('wrong-api-version.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_API_VERSION', file: e('wrong-api-version.yaml'), line: 1, field: 'apiVersion' }, says: 'apiVersion: dapr.io/v1alpha1' },
  { name: 'a duplicate name across files', resources: [e('duplicate-a.yaml'), e('duplicate-b.yaml')], expected: { code: 'DAPR_WASM_RESOURCE_DUPLICATE_NAME', file: e('duplicate-b.yaml'), line: 2, component: 'wasm' }, says: `${e('duplicate-a.yaml')}:1 and ${e('duplicate-b.yaml')}:2` },
  { name: 'a metadata key set twice in different case', resources: e('duplicate-metadata.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_DUPLICATE_METADATA', file: e('duplicate-metadata.yaml'), line: 11, component: 'twice', field: 'spec.metadata.URL' }, says: 'set twice' },
  { name: 'an unresolved secret', resources: e('missing-secret.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_SECRET', file: e('missing-secret.yaml'), line: 9, component: 'secretive', field: 'spec.metadata.url' }, says: 'secret "NOT_SET_ANYWHERE" was not found' },
  { name: 'a secret key other than its name in the env store', resources: e('secret-key-mismatch.yaml'), options: { env: { GUEST_URL: 'https://x/y.wasm' } }, expected: { code: 'DAPR_WASM_RESOURCE_SECRET', file: e('secret-key-mismatch.yaml'), component: 'keyed' }, says: 'secret "GUEST_URL" key "url" was not found' },
  { name: 'an envRef to an unset variable', resources: e('env-ref-unset.yaml'), options: { env: {} }, expected: { code: 'DAPR_WASM_RESOURCE_ENV_REF', file: e('env-ref-unset.yaml'), component: 'unset-env', field: 'spec.metadata.guestConfig' }, says: 'NOT_SET_ANYWHERE, which is not set' },
  { name: 'an envRef to a sidecar credential', resources: e('env-ref-denied.yaml'), options: { env: { DAPR_API_TOKEN: 'secret' } }, expected: { code: 'DAPR_WASM_RESOURCE_ENV_REF', file: e('env-ref-denied.yaml'), component: 'sneaky' }, says: 'may not be read' },
  { name: 'a duration without a unit', resources: e('duration-no-unit.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_DURATION', file: e('duration-no-unit.yaml'), line: 8, component: 'slow', field: 'spec.initTimeout' }, says: 'missing unit in duration "5"' },
  { name: 'a duration that is not one', resources: e('duration-garbage.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_DURATION', file: e('duration-garbage.yaml'), component: 'slower', field: 'spec.initTimeout' }, says: 'invalid duration "fast"' },
  { name: 'a zero duration', resources: e('duration-zero.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_DURATION', file: e('duration-zero.yaml'), component: 'instant' }, says: 'greater than zero' },
  { name: 'an unsupported URL scheme', resources: e('bad-scheme.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_URL', file: e('bad-scheme.yaml'), line: 9, component: 'ftp', field: 'spec.metadata.url' }, says: 'unsupported URL scheme "ftp"' },
  { name: 'a URL without a scheme', resources: e('no-scheme.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_URL', file: e('no-scheme.yaml'), component: 'bare' }, says: 'write file://guest.wasm' },
  { name: 'a Component version that does not exist', resources: e('bad-version.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_VERSION', file: e('bad-version.yaml'), line: 7, component: 'future', field: 'spec.version' }, says: 'only version v1' },
  { name: '{podName} without a pod name', resources: e('pod-template.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_TEMPLATE', file: e('pod-template.yaml'), component: 'podded' }, says: '{podName}' },
  { name: 'a name with a slash', resources: e('bad-name.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_NAME', file: e('bad-name.yaml'), line: 4, field: 'metadata.name' }, says: 'may not contain "/"' },
  { name: 'no name', resources: e('no-name.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('no-name.yaml'), field: 'metadata.name' }, says: 'needs a name' },
  { name: 'ignoreErrors given as a string', resources: e('ignore-errors-string.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('ignore-errors-string.yaml'), line: 8, component: 'stringly', field: 'spec.ignoreErrors' }, says: 'must be true or false, found the string "true"' },
  { name: 'a value JSON cannot hold', resources: e('infinite-value.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_VALUE', file: e('infinite-value.yaml'), component: 'infinite', field: 'spec.metadata.guestConfig' }, says: 'cannot be encoded' },
  { name: 'metadata that is not a list', resources: e('metadata-not-list.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('metadata-not-list.yaml'), component: 'not-a-list', field: 'spec.metadata' }, says: 'must be a list' },
  { name: 'a resources path that does not exist', resources: e('no-such-folder'), expected: { code: 'DAPR_WASM_RESOURCE_READ', file: e('no-such-folder') }, says: 'cannot read resources path' },
  { name: 'a Configuration file that does not exist', resources: target, config: e('no-such-config.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_READ', file: e('no-such-config.yaml') }, says: 'cannot read Configuration' },
  { name: 'a handler naming no Component', resources: target, config: e('config-missing-handler.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_MISSING_HANDLER', file: e('config-missing-handler.yaml'), line: 10, component: 'ghost', field: 'spec.httpPipeline.handlers[1]' }, says: 'handler "ghost" names no loaded middleware.http.wasm Component' },
  { name: 'a wasm handler naming a Component of another type', resources: target, config: e('config-type-mismatch.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_MISSING_HANDLER', file: e('config-type-mismatch.yaml'), component: 'limiter' }, says: 'with type middleware.http.ratelimit' },
  { name: 'a handler of another middleware type', resources: target, config: e('config-non-wasm-handler.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_HANDLER_TYPE', file: e('config-non-wasm-handler.yaml'), field: 'spec.appHttpPipeline.handlers[0]' }, says: 'only middleware.http.wasm handlers run inline' },
  { name: 'a handler version that does not exist', resources: target, config: e('config-handler-version.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_VERSION', file: e('config-handler-version.yaml') }, says: 'found "v2"' },
  { name: 'a Configuration key in the wrong case', resources: target, config: e('config-wrong-case.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('config-wrong-case.yaml'), line: 6, field: 'spec.HttpPipeline' }, says: 'write "httpPipeline"' },
  { name: 'a Configuration file without kind: Configuration', resources: target, config: e('config-no-configuration.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_CONFIGURATION', file: e('config-no-configuration.yaml') }, says: 'no kind: Configuration document' },
  { name: 'a strictSandbox that is not a boolean', resources: target, config: e('config-bad-strict.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('config-bad-strict.yaml'), field: 'spec.wasm.strictSandbox' }, says: 'must be true or false' },
  { name: 'a handler without a type', resources: target, config: e('config-handler-no-type.yaml'), expected: { code: 'DAPR_WASM_RESOURCE_FIELD', file: e('config-handler-no-type.yaml'), field: 'spec.httpPipeline.handlers[0].type' }, says: 'needs a type' },
];

describe('every bad input fails with a DaprResourceError saying where', () => {
  it.each(cases)('$name', async ({ resources, config, options, expected, says }) => {
    const error = await loadResources({ resources, config, cwd: '/srv', logger: recordingLogger(), ...options }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DaprResourceError);
    expect(error).toMatchObject({ name: 'DaprResourceError', ...expected });
    expect((error as Error).message).toContain(says);
    // The message starts with the location, so a log line alone is enough to find the problem.
    expect((error as Error).message.startsWith(expected.file)).toBe(true);
  });

  it('uses only the documented codes', () => {
    const documented = new Set<string>(Object.values(RESOURCE_ERROR_CODES));
    for (const c of cases) expect(documented.has(c.expected.code)).toBe(true);
  });

  it('rejects bad options with a TypeError', async () => {
    await expect(loadResources({ resources: [] })).rejects.toThrow(TypeError);
    await expect(loadResources({ resources: 'x', missingHandlers: 'ignore' as 'warn' })).rejects.toThrow(/missingHandlers/);
  });
});
