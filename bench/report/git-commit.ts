/** The commit the figures belong to, and whether the code measured differs from it. */
import { execFileSync } from 'node:child_process';

export function describeCommit(cwd: string): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    // The results files themselves change with every run; anything else means unmeasured edits.
    const dirty = git('status', '--porcelain', '--', ':/packages', ':/bench')
      .split('\n')
      .filter((l) => l && !/bench\/(RESULTS\.md|results[\w-]*\.svg)$/.test(l));
    return dirty.length ? `${head} (plus uncommitted changes in packages/ or bench/)` : head;
  } catch {
    return 'unknown (not a git checkout)';
  }
}
