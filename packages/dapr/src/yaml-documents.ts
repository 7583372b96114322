import { isMap, isScalar, LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import { DaprResourceError, RESOURCE_ERROR_CODES } from './errors.js';
import type { Diagnostics } from './diagnostics.js';

/**
 * Which YAML dialect to read, because Dapr reads its two file kinds with two different libraries:
 * - `component`: sigs.k8s.io/yaml (go-yaml v2), YAML 1.1: `yes`/`on`/`y` are booleans, `0755` is
 *   octal. Timestamps stay strings, and there are no base-60 numbers (go-yaml v2 has neither).
 * - `configuration`: go-yaml v3, YAML 1.2 core schema.
 */
export type YamlDialect = 'component' | 'configuration';

export interface Position {
  line: number;
  column: number;
}

/** One non-empty document of a multi-document file. */
export interface YamlDocument {
  file: string;
  /** 0-based position among the file's documents. */
  index: number;
  /** Where the document's content starts. */
  position: Position;
  /** Plain JavaScript value; integers are BigInts so large ones keep every digit. */
  value: unknown;
  /**
   * Where the node at `path` is written: for a map key, the key itself (so `spec.HttpPipeline`
   * points at the line saying `HttpPipeline:`); for a list index, the item.
   */
  positionOf(path: readonly (string | number)[]): Position | undefined;
}

const withoutTimestampsAndBase60 = (tags: Tags): Tags =>
  tags.filter((t) => {
    const tag = typeof t === 'object' && t !== null && 'tag' in t ? t : undefined;
    return !(tag && (tag.tag.endsWith(':timestamp') || ('format' in tag && tag.format === 'TIME')));
  });

export function parseYamlDocuments(text: string, file: string, dialect: YamlDialect, diagnostics?: Diagnostics): YamlDocument[] {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, {
    lineCounter,
    prettyErrors: true,
    intAsBigInt: true,
    ...(dialect === 'component' ? { version: '1.1' as const, customTags: withoutTimestampsAndBase60 } : { version: '1.2' as const }),
  });
  const documents = Array.isArray(parsed) ? parsed : [];
  const position = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };

  return documents.flatMap((doc: Document.Parsed, index): YamlDocument[] => {
    const error = doc.errors[0];
    if (error) {
      const at = error.linePos?.[0];
      throw new DaprResourceError(RESOURCE_ERROR_CODES.YAML, `invalid YAML: ${error.message.trimEnd()}`, {
        file,
        line: at?.line,
        column: at?.col,
        cause: error,
      });
    }
    for (const warning of doc.warnings) diagnostics?.warn(`YAML: ${warning.message.split('\n')[0]}`, { file, line: warning.linePos?.[0].line });
    if (doc.contents === null) return [];
    let value: unknown;
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (cause) {
      throw new DaprResourceError(RESOURCE_ERROR_CODES.YAML, `invalid YAML: ${(cause as Error).message}`, {
        file,
        ...position(doc.contents.range[0]),
        cause,
      });
    }
    // A bare `---` between two separators is an empty document, not a resource.
    if (value === null || value === undefined) return [];
    return [
      {
        file,
        index,
        position: position(doc.contents.range[0]),
        value,
        positionOf(path) {
          const last = path[path.length - 1];
          const parent = path.length > 1 ? doc.getIn(path.slice(0, -1), true) : doc.contents;
          if (typeof last === 'string' && isMap(parent)) {
            const pair = parent.items.find((p) => isScalar(p.key) && String(p.key.value) === last);
            const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
            if (range) return position(range[0]);
          }
          const node = doc.getIn(path, true) as { range?: [number, number, number] } | undefined;
          return node?.range ? position(node.range[0]) : undefined;
        },
      },
    ];
  });
}
