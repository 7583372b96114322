/** The commit the figures belong to, and whether the code measured differs from it. */
import { execFileSync } from 'node:child_process';

export interface Commit {
  readonly hash: string;
  /** packages/ or bench/ had changes not in the commit when the run started. */
  readonly dirty: boolean;
}

export function describeCommit(cwd: string): Commit {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    const hash = git('rev-parse', '--short', 'HEAD');
    // The results files themselves change with every run; anything else means unmeasured edits.
    const dirty = git('status', '--porcelain', '--', ':/packages', ':/bench')
      .split('\n')
      .some((l) => l && !/bench\/(RESULTS\.md|results[\w-]*\.svg)$/.test(l));
    return { hash, dirty };
  } catch {
    return { hash: 'unknown (not a git checkout)', dirty: false };
  }
}

export function commitText(c: Commit, long = true): string {
  if (!c.dirty) return c.hash;
  return long ? `${c.hash}, plus uncommitted changes in packages/ or bench/` : `${c.hash}+`;
}
