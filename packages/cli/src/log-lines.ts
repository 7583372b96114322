/**
 * Guest output as the commands show it: every `log` call, stdout and stderr line (and the core's
 * own diagnostics), at every level down to debug, in the order they happened.
 */
import type { LogLevel, Logger } from '@dapr-wasm/core';

export type LevelName = 'debug' | 'info' | 'warn' | 'error';

export interface LogLine {
  readonly level: LevelName;
  readonly message: string;
  /** `log`, `stdout` or `stderr` for guest output; absent for the host's own lines. */
  readonly stream?: string;
}

const names: Record<number, LevelName> = { [-1]: 'debug', 0: 'info', 1: 'warn', 2: 'error' };

export function collectingLogger(into: LogLine[]): Logger {
  return {
    enabled: (level: LogLevel) => level in names,
    log(level, message, fields) {
      const stream = typeof fields?.stream === 'string' ? fields.stream : undefined;
      into.push({ level: names[level] ?? 'info', message, ...(stream && { stream }) });
    },
  };
}

/** One line per message line, level and stream in front: `debug log: rewrote /a`. */
export function formatLog(lines: readonly LogLine[], dim: (s: string) => string, indent = '  '): string[] {
  const width = Math.max(...lines.map((l) => l.level.length + (l.stream ? l.stream.length + 1 : 0)));
  return lines.flatMap((l) => {
    const tag = `${l.level}${l.stream ? ` ${l.stream}` : ''}`.padEnd(width);
    return l.message.split('\n').map((m) => `${indent}${dim(tag)}  ${m}`);
  });
}
