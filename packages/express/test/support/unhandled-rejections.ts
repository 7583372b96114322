/**
 * Collects unhandled promise rejections during each test instead of letting them reach the test
 * runner, so "the adapter left a rejection unhandled" is an ordinary assertion of the test that
 * caused it (and a known bug can be an `it.fails` case without failing the whole run).
 */
import { afterEach, beforeEach } from 'vitest';

export interface UnhandledRejections {
  readonly reasons: unknown[];
}

export function collectUnhandledRejections(): UnhandledRejections {
  const reasons: unknown[] = [];
  const record = (reason: unknown) => void reasons.push(reason);
  let runners: NodeJS.UnhandledRejectionListener[] = [];
  beforeEach(() => {
    reasons.length = 0;
    runners = process.listeners('unhandledRejection');
    process.removeAllListeners('unhandledRejection');
    process.on('unhandledRejection', record);
  });
  afterEach(() => {
    process.off('unhandledRejection', record);
    for (const l of runners) process.on('unhandledRejection', l);
  });
  return { reasons };
}
