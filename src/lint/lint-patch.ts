/**
 * `syswire lint PATCH...`: lint what a patch series does to a tree.
 *
 * The patches are applied with real `git apply` to a scratch copy of the
 * files the model reads, the Makefiles the ABI rule reads and the files the
 * patches touch; files outside the copy are read from the tree.  The
 * findings of the patched tree that the unpatched tree does not already
 * have (same rule, file and message) are the patch's; positions are in the
 * resulting files.  Headers the patches add or change are checked by the
 * uapi rule, new ones for SPDX too.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { buildKernelTree } from '../kernel/kernel-tree.js';
import type { LoadedTree } from '../kernel/tree-loader.js';
import { git } from '../git/git-runner.js';
import { decodeBytes } from '../io/byte-text.js';
import { readRegularFile } from '../io/path-guard.js';
import { readTreeBytes as readTree } from '../kernel/tree-loader.js';
import { DiagnosticError } from '../model/diagnostics.js';
import { parsePatchFile } from '../patch/patch-parser.js';
import { diskContext, lintTree, grepStructHeaders } from './lint-tree.js';
import type { Finding, LintContext } from './lint-finding.js';

interface TouchedFile {
  path: string;
  added: boolean;
}

/** Files a patch leaves in the tree (deleted ones are left out), and whether it creates them. */
function touchedFiles(file: string, patch: string): TouchedFile[] {
  const { files } = parsePatchFile(file, patch);
  if (files.length === 0) throw new DiagnosticError([{ file, line: 0, col: 0, severity: 'error', message: 'not a patch: no diff in it' }]);
  return files.flatMap((f) => (f.newPath === undefined ? [] : [{ path: f.newPath, added: f.oldPath === undefined }]));
}

const key = (f: Finding) => `${f.rule}\0${f.file}\0${f.message}`;

export function lintPatches(tree: LoadedTree, patchFiles: readonly string[]): Finding[] {
  const patches = patchFiles.map((file) => ({ file, text: decodeBytes(readRegularFile(file)) }));
  const touched = patches.flatMap((p) => touchedFiles(p.file, p.text));
  const scratch = mkdtempSync(join(tmpdir(), 'syswire-lint-'));
  try {
    const makefiles = [...tree.tables.map((t) => `${dirname(t.path)}/Makefile`), 'scripts/Makefile.asm-headers'];
    for (const path of new Set([...tree.sources.keys(), ...makefiles, ...touched.map((t) => t.path)])) {
      // Confined like every tree read: a symlinked directory in the tree is refused, not followed.
      const bytes = readTree(tree.root, path);
      mkdirSync(dirname(join(scratch, path)), { recursive: true });
      if (bytes !== undefined) writeFileSync(join(scratch, path), bytes);
    }
    for (const p of patches) {
      try {
        git(['apply', '--whitespace=nowarn', resolve(p.file)], { cwd: scratch });
      } catch (err) {
        const reason = ((err as { stderr?: string }).stderr ?? String(err)).trim().split('\n')[0];
        throw new DiagnosticError([{ file: p.file, line: 0, col: 0, severity: 'error', message: `does not apply to ${tree.root}: ${reason}` }]);
      }
    }
    const sources = new Map([...tree.sources.keys()].map((path) => [path, decodeBytes(readFileSync(join(scratch, path)))]));
    const patched = buildKernelTree(sources, tree.tables.map((t) => t.path));
    const base = diskContext(tree, tree.root);
    const read = (path: string) => (existsSync(join(scratch, path)) ? decodeBytes(readFileSync(join(scratch, path))) : base.readFile(path));
    const uapi = touched.filter((t) => t.path.startsWith('include/uapi/') && t.path.endsWith('.h'));
    const ctx: LintContext = {
      tree: patched,
      readFile: read,
      uapiHeaders: uapi,
      findStructHeaders: (structs) => {
        const defines = (path: string) => structs.some((st) => read(path)?.includes(`struct ${st} {`));
        return [...new Set([...grepStructHeaders(tree.root, structs), ...uapi.map((u) => u.path).filter(defines)])].sort();
      },
    };
    const before = new Set(lintTree(base).map(key));
    return lintTree(ctx).filter((f) => !before.has(key(f)));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
