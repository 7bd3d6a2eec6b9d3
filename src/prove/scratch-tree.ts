/**
 * The patched tree `prove` builds: a `cp -al` copy of the user's tree (hard
 * links, so the copy is cheap), the series applied with `git apply`, and
 * the generated entry skeleton added as a built-in object,
 * kernel/<series>-entry.c with its line in kernel/Makefile.
 *
 * Every file of the copy is the user's file under a second name, so
 * nothing may be written through a link.  `git apply` writes a patched
 * file as a new file renamed over the old name, and syswire's file writer
 * does the same; assertDetached() checks afterwards that each file the
 * series or the skeleton touched is an inode of its own.
 */
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { git } from '../git/git-runner.js';
import { writeFilesAtomic } from '../io/file-writer.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { parsePatch } from '../patch/patch-parser.js';
import { runTool } from './tool-runner.js';

export interface EntryUnit {
  /** Tree-relative path, `kernel/<series>-entry.c`. */
  path: string;
  content: string;
  /** The kernel/Makefile line that builds it: `obj-y += x.o`, or `obj-$(CONFIG_X) += x.o` under the series' own option. */
  makefileLine: string;
}

/** Make `dest` a hard-link copy of `tree` with `patches` (mail texts, in order) and `entry` applied. */
export async function makeScratchTree(tree: string, dest: string, patches: readonly string[], entry: EntryUnit): Promise<void> {
  rmSync(dest, { recursive: true, force: true });
  const cp = await runTool('cp', ['-al', tree, dest]);
  if (cp.status !== 0) throw scratchError(dest, `cp -al failed: ${cp.output.trim()}`);
  // GIT_CEILING_DIRECTORIES: git must not take the copy for part of an enclosing repository
  // (inside one, git apply silently skips the paths outside its work tree).
  const env = { GIT_CEILING_DIRECTORIES: dirname(dest) };
  for (const [i, text] of patches.entries()) {
    try {
      git(['apply', '--whitespace=nowarn', '-'], { cwd: dest, input: text, env });
    } catch (err) {
      throw scratchError(dest, `patch ${i + 1} of the series does not apply: ${String((err as { stderr?: string }).stderr ?? err).trim()}`);
    }
  }
  const makefile = 'kernel/Makefile';
  writeFilesAtomic(dest, [
    { path: entry.path, content: entry.content },
    { path: makefile, content: `${readFileSync(join(dest, makefile), 'utf8')}${entry.makefileLine}\n` },
  ]);
  assertDetached(tree, dest, [...patches.flatMap(patchedPaths), entry.path, makefile]);
}

/** The tree-relative paths a patch creates or changes. */
export function patchedPaths(text: string): string[] {
  return parsePatch(text).files.flatMap((f) => (f.newPath ? [f.newPath] : []));
}

/** Each path of the copy is a file of its own, not a link to the tree's file. */
export function assertDetached(tree: string, dest: string, paths: readonly string[]): void {
  const shared = paths.filter((p) => existsSync(join(tree, p)) && statSync(join(tree, p)).ino === statSync(join(dest, p)).ino);
  if (shared.length > 0) throw scratchError(dest, `written through a hard link into the tree: ${shared.join(', ')}`);
}

function scratchError(dest: string, message: string): DiagnosticError {
  return new DiagnosticError([{ file: dest, line: 0, col: 0, severity: 'error', message }]);
}
