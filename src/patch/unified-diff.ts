/**
 * Turn file edits into one git-style unified diff, by asking real git: the
 * old files are staged in a scratch repository, written as a tree, the new
 * files replace them, and `git diff` compares the two trees.  The result
 * has `diff --git`/`index` lines and function-name hunk headers exactly as
 * git writes them, and `git apply` accepts it on the original tree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { FileEdit } from '../plan/file-edit.js';
import { git } from './git.js';

export function diffEdits(edits: readonly FileEdit[]): string {
  if (edits.length === 0) return '';
  const dir = mkdtempSync(join(tmpdir(), 'syswire-diff-'));
  try {
    git(['init', '-q'], { cwd: dir });
    const write = (pick: (e: FileEdit) => string | undefined) => {
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
