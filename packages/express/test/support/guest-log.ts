/** A Logger that keeps what guests log, so a test can see handle_response ran when nothing else shows it. */
import type { Logger } from '@dapr-wasm/core';

export interface GuestLog extends Logger {
  readonly lines: string[];
  /** Resolves once a line containing `text` was logged. */
  waitFor(text: string, timeoutMs?: number): Promise<void>;
}

export function guestLog(): GuestLog {
  const lines: string[] = [];
  const waiters: { text: string; resolve(): void }[] = [];
  return {
    lines,
    enabled: () => true,
    log(_level, message) {
      lines.push(message);
      for (const w of [...waiters]) if (message.includes(w.text)) w.resolve();
    },
    waitFor(text, timeoutMs = 5_000) {
      if (lines.some((l) => l.includes(text))) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`nothing logged containing ${JSON.stringify(text)}; have ${JSON.stringify(lines)}`)), timeoutMs);
        waiters.push({ text, resolve: () => (clearTimeout(timer), resolve()) });
      });
    },
  };
}
