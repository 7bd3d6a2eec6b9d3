/**
 * The reference for diffEdits(): the same file changes diffed by real git.
 * The old files are staged in a scratch repository and written as a tree,
 * the new files replace them, and `git diff` compares the two trees with
 * the configuration pinned in git.ts (core.abbrev=12, no renames, ...).
 *
 * unified-diff.ts must produce these bytes exactly; the tests compare the
 * two.  Nothing outside the tests should call this: it costs a handful of
 * git processes per call.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { git } from './git.js';
import type { FileChange } from './unified-diff.js';

export function diffEditsWithGit(edits: readonly FileChange[]): string {
  if (edits.length === 0) return '';
  const dir = mkdtempSync(join(tmpdir(), 'syswire-diff-'));
  try {
    git(['init', '-q'], { cwd: dir });
    const write = (pick: (e: FileChange) => string | undefined) => {
      for (const edit of edits) {
        const content = pick(edit);
        const full = join(dir, 'w', edit.path);
        if (content === undefined) {
          rmSync(full, { force: true });
          continue;
        }
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
      git(['--work-tree=w', 'add', '-A', '.'], { cwd: dir });
      return git(['write-tree'], { cwd: dir }).trim();
    };
    mkdirSync(join(dir, 'w'));
    const before = write((e) => e.before);
    const after = write((e) => e.after);
    return git(['diff', '--no-color', '--no-ext-diff', before, after], { cwd: dir });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
