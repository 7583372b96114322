/**
 * Answers "can this runtime import our workspace packages as they are?" without waiting for them to
 * exist: it lays out, in a temporary directory, what pnpm makes of a workspace package whose
 * `exports` point at TypeScript sources written with `./x.js` specifiers, then runs a script that
 * imports it by name through the node_modules symlink.
 */
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PROBE_OUTPUT = 'workspace-probe: 42 from ts';

export interface WorkspaceProbe {
  dir: string;
  /** The script to run; it prints PROBE_OUTPUT when every import resolved. */
  entry: string;
  remove(): Promise<void>;
}

export async function makeWorkspaceProbe(): Promise<WorkspaceProbe> {
  const dir = await mkdtemp(join(tmpdir(), 'runtime-workspace-probe-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({ name: 'probe-root', private: true, type: 'module' }),
    'packages/lib/package.json': JSON.stringify({
      name: '@probe/lib',
      type: 'module',
      exports: { '.': './src/index.ts' },
    }),
    'packages/lib/src/index.ts': "export { answer } from './answer.js';\n",
    'packages/lib/src/answer.ts': "export const answer = (): string => '42 from ts';\n",
    'app/main.ts': "import { answer } from '@probe/lib';\nconsole.log(`workspace-probe: ${answer()}`);\n",
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), text);
  }
  await mkdir(join(dir, 'node_modules', '@probe'), { recursive: true });
  await symlink(join('..', '..', 'packages', 'lib'), join(dir, 'node_modules', '@probe', 'lib'));
  return { dir, entry: join(dir, 'app', 'main.ts'), remove: () => rm(dir, { recursive: true, force: true }) };
}
