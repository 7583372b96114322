import { readFile } from 'node:fs/promises';
import { readComponentManifest, type ComponentManifest } from './component-manifest.js';
import type { Diagnostics } from './diagnostics.js';
import { isRecord, scalarText } from './dynamic-value.js';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import { classifyManifest } from './manifest-kinds.js';
import { reason } from './resource-files.js';
import type { SkippedResource } from './types.js';
import { parseYamlDocuments } from './yaml-documents.js';

export interface ReadManifests {
  components: ComponentManifest[];
  /** Documents of other Dapr kinds. */
  otherKinds: SkippedResource[];
}

/** Parses every document of every file, keeping Components and setting the other kinds aside. */
export async function readManifests(files: readonly string[], diagnostics: Diagnostics): Promise<ReadManifests> {
  const result: ReadManifests = { components: [], otherKinds: [] };
  for (const file of files) {
    const text = await readFile(file, 'utf8').catch((cause: unknown) => {
      throw new DaprResourceError(RESOURCE_ERROR_CODES.READ, `cannot read resource file: ${reason(cause)}`, { file, cause });
    });
    for (const doc of parseYamlDocuments(text, file, 'component', diagnostics)) {
      const kind = classifyManifest(doc);
      if (kind.role === 'component') {
        result.components.push(readComponentManifest(doc, kind.kind));
        continue;
      }
      const root = doc.value as Record<string, unknown>;
      const name = isRecord(root.metadata) ? scalarText(root.metadata.name) : undefined;
      const type = isRecord(root.spec) ? scalarText(root.spec.type) : undefined;
      diagnostics.debug(`kind ${kind.kind} is not a Component; skipped`, { file, ...doc.position, component: name });
      result.otherKinds.push({ kind: kind.kind, name, type, file, line: doc.position.line, reason: 'other-kind', detail: `kind ${kind.kind}` });
    }
  }
  return result;
}
