/** A route that takes a noticeable time, so the logged duration and the `slow` mark show. */
import { setTimeout as sleep } from 'node:timers/promises';

export const SLOW_WORK_MS = 300;

export async function slowWork(): Promise<{ report: string }> {
  await sleep(SLOW_WORK_MS);
  return { report: 'ready' };
}
