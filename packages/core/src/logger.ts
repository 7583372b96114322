/** Log levels, numbered as the http-wasm ABI numbers them. */
export const LOG_LEVEL_DEBUG = -1;
export const LOG_LEVEL_INFO = 0;
export const LOG_LEVEL_WARN = 1;
export const LOG_LEVEL_ERROR = 2;
export const LOG_LEVEL_NONE = 3;

export type LogLevel = -1 | 0 | 1 | 2 | 3;
export type LogLevelName = 'debug' | 'info' | 'warn' | 'error' | 'none';

/** Where guest `log` calls, guest stdout/stderr and host diagnostics go. */
export interface Logger {
  /** Whether messages at `level` are wanted; lets the guest skip formatting them. */
  enabled(level: LogLevel): boolean;
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** The default: guests are silent unless the app asks to hear them. */
export const silentLogger: Logger = {
  enabled: () => false,
  log: () => {},
};

const levelNames: Record<number, LogLevelName> = { [-1]: 'debug', 0: 'info', 1: 'warn', 2: 'error', 3: 'none' };

export function toLogLevel(name: LogLevelName | LogLevel): LogLevel {
  if (typeof name === 'number') return name;
  const n = Object.entries(levelNames).find(([, v]) => v === name);
  if (!n) throw new TypeError(`unknown log level ${JSON.stringify(name)}`);
  return Number(n[0]) as LogLevel;
}

/** A logger writing to the console at or above `level` (default info). */
export function consoleLogger(level: LogLevelName | LogLevel = 'info', prefix = 'dapr-wasm'): Logger {
  const min = toLogLevel(level);
  return {
    enabled: (l) => l >= min && l < LOG_LEVEL_NONE,
    log(l, message, fields) {
      if (l < min || l >= LOG_LEVEL_NONE) return;
      const line = `[${prefix}] ${levelNames[l]}: ${message}`;
      const write = l >= LOG_LEVEL_ERROR ? console.error : l === LOG_LEVEL_WARN ? console.warn : console.log;
      if (fields && Object.keys(fields).length) write(line, fields);
      else write(line);
    },
  };
}
