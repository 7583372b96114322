/**
 * A spawned runtime must not outlive the test that started it, however that test's process ends:
 * a killed vitest worker runs no exit hooks. The launcher holds this process's stdin open, and the
 * operating system closes it when the launcher dies, so end of input means: exit now.
 */
import process from 'node:process';

export function exitWithLauncher(): void {
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('error', () => process.exit(0));
  process.stdin.resume();
}
