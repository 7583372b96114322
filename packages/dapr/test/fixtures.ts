import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ResourceLogger, ResourceLogLevel } from '../src/index.js';

/** Absolute path of a file or folder under test/fixtures. */
export function fixture(...parts: string[]): string {
  return join(dirname(fileURLToPath(import.meta.url)), 'fixtures', ...parts);
}

/** A logger that keeps every message, so tests stay quiet and can read what was said. */
export function recordingLogger(): ResourceLogger & { lines: { level: ResourceLogLevel; message: string }[] } {
  const lines: { level: ResourceLogLevel; message: string }[] = [];
  return { lines, log: (level, message) => lines.push({ level, message }) };
}
