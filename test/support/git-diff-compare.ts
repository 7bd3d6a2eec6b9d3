/**
 * Compare diffEdits() with real git on a batch of cases in one git run.
 * Each case is one FileEdit on its own path plus a log of how it was made;
 * the result lists the cases whose "diff --git" section differs, with the
 * first differing line, so a fuzz failure can be read and replayed.
 */
import { diffEditsWithGit } from '../../src/patch/git-diff-oracle.js';
import { diffEdits } from '../../src/patch/unified-diff.js';
import type { FileEdit } from '../../src/plan/file-edit.js';

export interface DiffCase {
  edit: FileEdit;
  log: string[];
}

/** Split a diff into its per-file sections, keyed by the "diff --git" line. */
export function diffSections(diff: string): Map<string, string> {
  const parts = diff.split(/^(?=diff --git )/m).filter((p) => p !== '');
  return new Map(parts.map((p) => [p.slice(0, p.indexOf('\n')), p]));
}

export function compareBatchWithGit(cases: readonly DiffCase[], seed: number): { failures: string[]; sections: number; changed: number } {
  const edits = cases.map((c) => c.edit);
  const want = diffSections(diffEditsWithGit(edits));
  const got = diffSections(diffEdits(edits));
  const failures: string[] = [];
  for (const { edit, log } of cases) {
    const key = `diff --git a/${edit.path} b/${edit.path}`;
    if (got.get(key) === want.get(key)) continue;
    const w = (want.get(key) ?? '').split('\n');
    const g = (got.get(key) ?? '').split('\n');
    const at = w.findIndex((line, i) => line !== g[i]);
    failures.push(`seed ${seed}, ${edit.path}: ${log.join('; ')}\n  line ${at}: git ${JSON.stringify(w[at])}, ours ${JSON.stringify(g[at])}`);
  }
  const changed = cases.filter((c) => c.edit.before !== c.edit.after).length;
  return { failures, sections: Math.max(want.size, got.size), changed };
}
