// Logging through the host's logger. Check `log.enabled(level)` before building an expensive
// message: the host may discard the level anyway.
import { log as hostLog, log_enabled } from "./abi";

/** Log levels; lower logs more. Debug is -1 so that a zero default never means "everything". */
export const LOG_LEVEL_DEBUG: i32 = -1;
export const LOG_LEVEL_INFO: i32 = 0;
export const LOG_LEVEL_WARN: i32 = 1;
export const LOG_LEVEL_ERROR: i32 = 2;
export const LOG_LEVEL_NONE: i32 = 3;

export namespace log {
  /** Whether the host would keep a message at `level`. */
  export function enabled(level: i32): bool {
    return log_enabled(level) != 0;
  }

  /** Logs `message` at `level`; an empty message costs no host call. */
  export function write(level: i32, message: string): void {
    if (!message.length) return;
    const m = String.UTF8.encode(message);
    hostLog(level, changetype<usize>(m), <u32>m.byteLength);
  }

  export function debug(message: string): void {
    write(LOG_LEVEL_DEBUG, message);
  }

  export function info(message: string): void {
    write(LOG_LEVEL_INFO, message);
  }

  export function warn(message: string): void {
    write(LOG_LEVEL_WARN, message);
  }

  export function error(message: string): void {
    write(LOG_LEVEL_ERROR, message);
  }
}
