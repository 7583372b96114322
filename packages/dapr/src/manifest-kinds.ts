import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import { describeValue, isRecord, scalarText } from './dynamic-value.js';
import type { YamlDocument } from './yaml-documents.js';

export const COMPONENT_API_VERSION = 'dapr.io/v1alpha1';

/**
 * Kinds Dapr reads from a resources folder besides Component. Each belongs to another part of Dapr,
 * so a document of one of these kinds is skipped and reported, never an error.
 */
const OTHER_DAPR_KINDS = new Set([
  'Configuration',
  'Subscription',
  'Resiliency',
  'HTTPEndpoint',
  'PluggableComponent',
  'MCPServer',
  'WorkflowAccessPolicy',
]);

/** The kind the seed article writes for wasm middleware. Dapr has no such kind. */
export const SEED_MIDDLEWARE_KIND = 'Middleware';

export type ManifestKind =
  | { role: 'component'; kind: string }
  | { role: 'other'; kind: string };

/**
 * Sorts a document by `kind`. Dapr silently ignores documents whose kind or apiVersion it does not
 * expect; here a missing or unknown kind, and a Component with the wrong apiVersion, are errors,
 * because they are almost always typos that would leave a middleware unloaded.
 */
export function classifyManifest(doc: YamlDocument): ManifestKind {
  const at = { file: doc.file, ...doc.position };
  if (!isRecord(doc.value)) {
    throw new DaprResourceError(RESOURCE_ERROR_CODES.KIND, `a resource document must be a map, found ${describeValue(doc.value)}`, at);
  }
  const kind = scalarText(doc.value.kind);
  if (!kind) throw new DaprResourceError(RESOURCE_ERROR_CODES.KIND, 'the document has no kind (expected kind: Component)', { ...at, field: 'kind' });
  if (kind === 'Component') {
    const apiVersion = scalarText(doc.value.apiVersion);
    if (apiVersion !== COMPONENT_API_VERSION) {
      throw new DaprResourceError(
        RESOURCE_ERROR_CODES.API_VERSION,
        `a Component needs apiVersion: ${COMPONENT_API_VERSION}, found ${describeValue(doc.value.apiVersion)} (Dapr would silently ignore this document)`,
        { ...at, ...doc.positionOf(['apiVersion']), field: 'apiVersion' },
      );
    }
    return { role: 'component', kind };
  }
  if (kind === SEED_MIDDLEWARE_KIND) return { role: 'component', kind };
  if (OTHER_DAPR_KINDS.has(kind)) return { role: 'other', kind };
  throw new DaprResourceError(
    RESOURCE_ERROR_CODES.KIND,
    `unknown kind ${JSON.stringify(kind)}; expected Component (or one of ${[...OTHER_DAPR_KINDS].join(', ')}, which are skipped)`,
    { ...at, ...doc.positionOf(['kind']), field: 'kind' },
  );
}
