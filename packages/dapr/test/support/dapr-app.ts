/**
 * Writes a Dapr app's resources folder and Configuration into a folder, for tests whose modules
 * live in temporary places (a local origin, a file a test rewrites).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface ComponentSpec {
  name: string;
  url: string;
  guestConfig?: string;
  sha256?: string;
  strictSandbox?: string;
  ignoreErrors?: boolean;
  initTimeout?: string;
}

export interface DaprAppFiles {
  /** The resources folder. */
  resources: string;
  /** The Configuration file. */
  config: string;
}

export function componentYaml(c: ComponentSpec): string {
  const metadata = [['url', c.url], ['guestConfig', c.guestConfig], ['sha256', c.sha256], ['strictSandbox', c.strictSandbox]]
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `  - name: ${name}\n    value: ${JSON.stringify(value)}\n`)
    .join('');
  return (
    `apiVersion: dapr.io/v1alpha1\nkind: Component\nmetadata:\n  name: ${c.name}\nspec:\n  type: middleware.http.wasm\n  version: v1\n` +
    (c.ignoreErrors ? '  ignoreErrors: true\n' : '') +
    (c.initTimeout ? `  initTimeout: ${c.initTimeout}\n` : '') +
    `  metadata:\n${metadata}`
  );
}

export function configurationYaml(appHttpPipeline: readonly string[]): string {
  const handlers = appHttpPipeline.map((name) => `    - name: ${name}\n      type: middleware.http.wasm\n`).join('');
  return `apiVersion: dapr.io/v1alpha1\nkind: Configuration\nmetadata:\n  name: appconfig\nspec:\n  appHttpPipeline:\n    handlers:\n${handlers}`;
}

/** One file per Component in `<dir>/components`, and `<dir>/config.yaml` listing `pipeline` (default: every Component, in order). */
export async function writeDaprApp(dir: string, components: readonly ComponentSpec[], pipeline = components.map((c) => c.name)): Promise<DaprAppFiles> {
  const resources = join(dir, 'components');
  await mkdir(resources, { recursive: true });
  for (const c of components) await writeFile(join(resources, `${c.name}.yaml`), componentYaml(c));
  const config = join(dir, 'config.yaml');
  await writeFile(config, configurationYaml(pipeline));
  return { resources, config };
}
