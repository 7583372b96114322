import { describe, expect, it } from 'vitest';
import { loadResources } from '../src/index.js';
import { fixture, recordingLogger } from './fixtures.js';

describe('spec.ignoreErrors', () => {
  const load = () =>
    loadResources({
      resources: fixture('ignore-errors', 'components.yaml'),
      config: fixture('ignore-errors', 'config.yaml'),
      cwd: '/srv',
      logger: recordingLogger(),
    });

  it('skips a failing Component with a warning instead of failing startup', async () => {
    const { components, skipped, warnings } = await load();
    expect(components.map((c) => c.name)).toEqual(['required']);
    expect(skipped.map((s) => [s.name, s.reason])).toEqual([
      ['optional-filter', 'failed'],
      ['optional-secret', 'failed'],
    ]);
    expect(skipped[0]!.detail).toContain('unsupported URL scheme "ftp"');
    expect(skipped[1]!.detail).toContain('secret "NOT_SET_ANYWHERE" was not found');
    expect(warnings.filter((w) => w.message.startsWith('ignoreErrors is set'))).toHaveLength(2);
  });

  it('leaves the skipped Component out of its pipeline', async () => {
    const { httpPipeline, warnings } = await load();
    expect(httpPipeline.map((c) => c.name)).toEqual(['required']);
    expect(warnings.map((w) => w.message)).toContainEqual(expect.stringContaining('handler "optional-filter" is left out of the pipeline'));
  });

  it('is carried on each loaded Component, for failures while compiling the guest later', async () => {
    const { components } = await load();
    expect(components[0]!.ignoreErrors).toBe(false);
  });
});
