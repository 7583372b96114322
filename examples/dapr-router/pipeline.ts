/**
 * Reads the Dapr resources next to this file the way daprd does (Components from ./components,
 * the Configuration from ./config.yaml, `file://` URLs relative to this folder), and returns the
 * guest options of the Configuration's httpPipeline, first handler first.
 */
import { fileURLToPath } from 'node:url';
import { componentToOptions, loadResources } from '@dapr-wasm/dapr';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export async function loadHttpPipeline() {
  const dapr = await loadResources({
    resources: here('./components'),
    config: here('./config.yaml'),
    cwd: here('./'),
  });
  return dapr.httpPipeline.map(componentToOptions);
}
