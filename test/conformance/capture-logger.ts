/** A Logger that keeps what the middleware logs, so tests can see guest output and host errors. */
import type { Logger, LogLevel } from '@dapr-wasm/core';

export interface LogEntry {
  readonly level: LogLevel;
  readonly message: string;
  readonly fields: Readonly<Record<string, unknown>>;
}

export interface CapturingLogger extends Logger {
  readonly entries: LogEntry[];
  clear(): void;
  /** Resolves with the first entry (already logged or yet to come) that `match` accepts. */
  waitFor(match: (e: LogEntry) => boolean, timeoutMs?: number): Promise<LogEntry>;
}

/** Captures levels from `min` (debug, -1, by default) up to error. */
export function capturingLogger(min: LogLevel = -1): CapturingLogger {
  const entries: LogEntry[] = [];
  const waiters = new Set<{ match: (e: LogEntry) => boolean; resolve: (e: LogEntry) => void }>();
  return {
    entries,
    enabled: (level) => level >= min && level < 3,
    log(level, message, fields = {}) {
      const entry = { level, message, fields };
      entries.push(entry);
      for (const w of waiters) {
        if (w.match(entry)) {
          waiters.delete(w);
          w.resolve(entry);
        }
      }
    },
    clear: () => void entries.splice(0),
    waitFor(match, timeoutMs = 2000) {
      const found = entries.find(match);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { match, resolve };
        waiters.add(waiter);
        setTimeout(() => {
          if (waiters.delete(waiter)) {
            reject(new Error(`no matching log entry within ${timeoutMs} ms; logged: ${JSON.stringify(entries.map((e) => e.message))}`));
          }
        }, timeoutMs);
      });
    },
  };
}
