/**
 * Which side of a merge is upstream (keeps its numbers).
 *
 * git passes the driver "ours" (%A) and "theirs" (%B), and what they mean
 * depends on the operation:
 * - `git rebase`, `git cherry-pick`, `git revert`, `git am -3`: "ours" is the
 *   commit being built on (upstream), "theirs" the branch's commit being
 *   replayed;
 * - `git merge X`: "ours" is the checked-out branch, "theirs" is X.
 *
 * `auto` therefore says "ours" while a rebase/cherry-pick/revert/am is in
 * progress (git's state files for it exist) and "theirs" otherwise, which
 * is right for the usual `git merge upstream` into a topic branch.  A
 * maintainer merging topic branches into upstream installs the driver with
 * `--upstream ours`.
 */
import { existsSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { git } from '../git/git-runner.js';
import type { Side } from './syscall-merge.js';

export const UPSTREAM_CHOICES = ['ours', 'theirs', 'auto'] as const;

export type UpstreamChoice = (typeof UPSTREAM_CHOICES)[number];

/** The `--upstream` value (absent: `auto`), or undefined when it is none of UPSTREAM_CHOICES. */
export function parseUpstreamChoice(value: string | undefined): UpstreamChoice | undefined {
  const choice = value ?? 'auto';
  return (UPSTREAM_CHOICES as readonly string[]).includes(choice) ? (choice as UpstreamChoice) : undefined;
}

const SEQUENCE_STATE = ['rebase-merge', 'rebase-apply', 'CHERRY_PICK_HEAD', 'REVERT_HEAD'];

export function resolveUpstream(choice: UpstreamChoice, cwd: string): Side {
  if (choice !== 'auto') return choice;
  let gitDir: string;
  try {
    gitDir = git(['rev-parse', '--git-dir'], { cwd }).trim();
  } catch {
    return 'theirs';
  }
  const dir = isAbsolute(gitDir) ? gitDir : join(cwd, gitDir);
  return SEQUENCE_STATE.some((name) => existsSync(join(dir, name))) ? 'ours' : 'theirs';
}
