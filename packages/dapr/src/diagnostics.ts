import { formatProblem, type ResourceLocation } from './errors.js';

/** Log levels as the http-wasm ABI (and @dapr-wasm/core's Logger) number them. */
export type ResourceLogLevel = -1 | 0 | 1 | 2 | 3;
const DEBUG = -1;
const INFO = 0;
const WARN = 1;

/**
 * Where loading reports what it skipped or worked around. Shaped like @dapr-wasm/core's `Logger`,
 * so the same logger object serves both packages.
 */
export interface ResourceLogger {
  log(level: ResourceLogLevel, message: string, fields?: Record<string, unknown>): void;
}

/** Warnings go to the console and nothing else does: loading is quiet unless something is off. */
export const consoleResourceLogger: ResourceLogger = {
  log(level, message) {
    if (level >= WARN && level < 3) console.warn(`[dapr-wasm] ${message}`);
  },
};

/** A warning kept in the load result, so programs can inspect it as well as read it in the log. */
export interface ResourceWarning extends ResourceLocation {
  message: string;
}

/** Collects warnings for the result and forwards every message to the logger. */
export class Diagnostics {
  readonly warnings: ResourceWarning[] = [];
  constructor(private readonly logger: ResourceLogger) {}

  warn(message: string, at: ResourceLocation = {}): void {
    this.warnings.push({ ...at, message });
    this.logger.log(WARN, formatProblem(message, at), { ...at });
  }

  info(message: string, at: ResourceLocation = {}): void {
    this.logger.log(INFO, formatProblem(message, at), { ...at });
  }

  debug(message: string, at: ResourceLocation = {}): void {
    this.logger.log(DEBUG, formatProblem(message, at), { ...at });
  }
}
