/**
 * Kernel trees as git repositories for series tests: a scratch copy of the
 * files syswire touches (test/support/kernel-trees.ts), committed once with
 * a fixed identity and date so commit ids are stable across runs.
 */
import { git } from '../../src/git/git-runner.js';
import { scratchTree } from './kernel-trees.js';

export const BASE_ENV = {
  GIT_AUTHOR_NAME: 'Kernel Base',
  GIT_AUTHOR_EMAIL: 'base@kernel.example',
  GIT_AUTHOR_DATE: '@1700000000 +0000',
  GIT_COMMITTER_NAME: 'Kernel Base',
  GIT_COMMITTER_EMAIL: 'base@kernel.example',
  GIT_COMMITTER_DATE: '@1700000000 +0000',
};

/** Turn a directory into a git repository with one commit of everything in it. */
export function commitAll(root: string, message = 'base'): string {
  git(['init', '-q'], { cwd: root });
  git(['add', '-A', '.'], { cwd: root });
  git(['commit', '-q', '-m', message], { cwd: root, env: BASE_ENV });
  return git(['rev-parse', 'HEAD'], { cwd: root }).trim();
}

/** A scratch copy of `tree` (see scratchTree) made into a git repository. */
export function gitScratchTree(tree: string, extra: readonly string[] = []): { root: string; head: string; cleanup: () => void } {
  const scratch = scratchTree(tree, extra);
  return { ...scratch, head: commitAll(scratch.root) };
}
