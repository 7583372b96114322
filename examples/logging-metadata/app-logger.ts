/**
 * Guest log lines go where the app's own logs go. Most Node loggers (pino, winston, bunyan, the
 * console) share one shape: a method per level. `guestLogger` adapts that shape to dapr-wasm's
 * Logger, keeping the fields dapr-wasm adds (which request, which stream).
 */
import { toLogLevel, type Logger, type LogLevelName } from '@dapr-wasm/core';

export interface AppLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const methods = { [-1]: 'debug', 0: 'info', 1: 'warn', 2: 'error' } as const;

/** Passes guest lines at `level` and above to `app`; the guest skips formatting the rest. */
export function guestLogger(app: AppLogger, level: LogLevelName = 'info'): Logger {
  const min = toLogLevel(level);
  return {
    enabled: (l) => l >= min && l in methods,
    log(l, message, fields) {
      if (l < min || !(l in methods)) return;
      app[methods[l as keyof typeof methods]](message, fields);
    },
  };
}

/** A one-line-per-entry console logger, standing in for the app's real one. */
export const consoleAppLogger: AppLogger = {
  debug: (m) => console.debug(`debug ${m}`),
  info: (m) => console.info(`info  ${m}`),
  warn: (m) => console.warn(`warn  ${m}`),
  error: (m) => console.error(`error ${m}`),
};
