/** What the figures were measured on: they only mean something next to this. */
import { readFileSync } from 'node:fs';
import os from 'node:os';

function cpuModel(): string {
  try {
    const m = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'));
    if (m) return m[1].trim();
  } catch {
    // not Linux: fall through to what node reports
  }
  return os.cpus()[0]?.model ?? 'unknown CPU';
}

export function describeMachine(): string {
  return `${os.availableParallelism()} cores (nproc), ${cpuModel()}, node ${process.version}, ${os.platform()} ${os.arch()}`;
}

/** 1, 5 and 15 minute load averages: above the core count, other work shared the machine. */
export function loadAverage(): string {
  return os.loadavg().map((l) => l.toFixed(1)).join(' ');
}
