/**
 * The patch for planned edits, written by real git: the old texts of the
 * touched files are committed to a scratch repository as one tree, the new
 * texts as another, and `git diff` compares the two trees.  Only the
 * touched files are in either tree, which is all a diff needs: its `index`
 * lines name blobs, and a blob's id depends on its bytes alone, so the
 * patch is the one `git diff` prints in the kernel tree itself.
 */
import { ScratchRepo } from '../git/scratch-repo.js';
import type { FileEdit } from '../plan/file-edit.js';

export function diffEdits(edits: readonly FileEdit[]): string {
  if (edits.length === 0) return '';
  const repo = ScratchRepo.create();
  try {
    const before = repo.treeOf(edits.flatMap((e) => (e.before === undefined ? [] : [{ path: e.path, text: e.before, mode: e.mode }])));
    const after = repo.treeOf(edits.map((e) => ({ path: e.path, text: e.after, mode: e.mode })));
    return repo.run(['diff', '--no-color', '--no-ext-diff', before, after]);
  } finally {
    repo.dispose();
  }
}
