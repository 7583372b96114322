/**
 * Runs the real `dapr-wasm` bin as a subprocess, the way a user does, and hands back its exit
 * code and both streams. Colour variables are cleared so output is plain unless a test sets them.
 */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const bin = fileURLToPath(new URL('../bin/dapr-wasm.mjs', import.meta.url));
export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export function dapr(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}): Promise<CliResult> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR'] as const) if (!options.env?.[name]) delete env[name];
  return new Promise((resolve) => {
    execFile(process.execPath, [bin, ...args], { cwd: options.cwd ?? repoRoot, env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Runs the bin with `--json` and parses stdout. */
export async function daprJson<T = any>(args: string[], options?: Parameters<typeof dapr>[1]): Promise<{ code: number; report: T; stderr: string }> {
  const r = await dapr([...args, '--json'], options);
  let report: T;
  try {
    report = JSON.parse(r.stdout);
  } catch {
    throw new Error(`dapr-wasm ${args.join(' ')} --json printed no JSON (exit ${r.code}):\n${r.stdout}\n${r.stderr}`);
  }
  return { code: r.code, report, stderr: r.stderr };
}
