/**
 * How a spawned runtime tells its launcher where it listens: one marked line on stdout, so an app's
 * own logging cannot be mistaken for it.
 */
const MARKER = 'runtime-listening-on-port';

export function announceListening(port: number): void {
  console.log(`${MARKER} ${port}`);
}

export function parseListening(line: string): number | undefined {
  const match = new RegExp(`^${MARKER} (\\d+)$`).exec(line.trim());
  return match ? Number(match[1]) : undefined;
}
