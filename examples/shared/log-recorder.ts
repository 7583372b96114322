/**
 * An app logger that keeps "level message" lines instead of printing them, so the demo can show
 * what a guest logged for each request and the tests can check it.
 *
 * A guest's response-phase line can land just after the client got the response (the adapter runs
 * handle_response once the app has finished sending), so readers wait for the lines they expect.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { AppLogger } from '../logging-metadata/app-logger.js';

export interface LogRecorder extends AppLogger {
  readonly lines: string[];
  /** Removes and returns the lines so far, after waiting (up to 2 s) until there are at least `count`. */
  take(count?: number): Promise<string[]>;
  /** From now on, hands each line to `print` instead of keeping it (the demo's --serve mode). */
  follow(print: (line: string) => void): void;
}

export function logRecorder(): LogRecorder {
  const lines: string[] = [];
  let print: ((line: string) => void) | undefined;
  const at = (level: string) => (message: string) => {
    const line = `${level} ${message}`;
    if (print) print(line);
    else lines.push(line);
  };
  return {
    lines,
    debug: at('debug'),
    info: at('info'),
    warn: at('warn'),
    error: at('error'),
    async take(count = 0) {
      for (let waited = 0; lines.length < count && waited < 2000; waited += 5) await sleep(5);
      return lines.splice(0);
    },
    follow(printer) {
      print = printer;
    },
  };
}
