/** A logger that keeps what it is told, so bad-guest tests stay quiet and can check what was said. */
import type { Logger } from '@dapr-wasm/core';

export interface KeptLogger extends Logger {
  readonly messages: string[];
}

export function keptLogger(): KeptLogger {
  const messages: string[] = [];
  return { messages, enabled: () => true, log: (_level, message) => void messages.push(message) };
}
